using Rumbo.Core.People;

namespace Rumbo.Core.Policies.Suggestions;

/// <summary>
/// A line someone who writes the policy said it does not serve, when Rumbo suggested it: who and when, so that the line
/// is not suggested again for that policy. Removing the policy removes its rejections.
/// </summary>
public sealed class PolicyLineRejection
{
    public int PolicyId { get; set; }
    public int LineOfActionId { get; set; }
    public int? ByPersonId { get; set; }
    public Person? By { get; set; }
    public DateTime AtUtc { get; set; }
}
