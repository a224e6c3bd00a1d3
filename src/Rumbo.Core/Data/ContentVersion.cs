namespace Rumbo.Core.Data;

/// <summary>
/// One row whose value every audited save increments inside its own transaction. The row lock orders concurrent
/// writers, so the value moves in commit order: a reader that saw N has seen every change up to N.
/// </summary>
public sealed class ContentVersion
{
    public int Id { get; set; }
    public long Value { get; set; }
}
