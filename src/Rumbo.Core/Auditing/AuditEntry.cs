namespace Rumbo.Core.Auditing;

public enum AuditAction
{
    Created,
    Updated,
    Deleted,
}

/// <summary>One change to one record: who, when, what, with old and new values. Written by the context, never edited.</summary>
public sealed class AuditEntry
{
    public long Id { get; set; }
    public DateTime At { get; set; }
    public int? UserId { get; set; }
    /// <summary>The user's name at the time, or the process ("command line", "seed") for changes without a user.</summary>
    public string Actor { get; set; } = string.Empty;
    public AuditAction Action { get; set; }
    /// <summary>The entity's type name: Agenda, LineOfAction, Group, ...</summary>
    public string EntityType { get; set; } = string.Empty;
    public string EntityId { get; set; } = string.Empty;
    /// <summary>JSON object: property name to { "old": ..., "new": ... }.</summary>
    public string Changes { get; set; } = "{}";
}
