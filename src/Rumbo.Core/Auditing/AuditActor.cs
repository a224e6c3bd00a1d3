namespace Rumbo.Core.Auditing;

/// <summary>Who is making the changes being saved: the signed-in user, or the process acting on its own.</summary>
public interface IAuditActor
{
    int? UserId { get; }
    string Name { get; }
}

public sealed class SystemActor(string name) : IAuditActor
{
    public static readonly SystemActor Default = new("system");

    public int? UserId => null;
    public string Name { get; } = name;
}
