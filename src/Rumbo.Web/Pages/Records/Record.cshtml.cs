using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using Rumbo.Core.Accounts;
using Rumbo.Core.Data;
using Rumbo.Core.Meetings;
using Rumbo.Web.Infrastructure;
using Rumbo.Core.Records;

namespace Rumbo.Web.Pages.Records;

/// <summary>
/// A record as its readers see it, and what is done to it from here: members comment on a draft; coordinators and the
/// secretariat approve it (freezing it), start a new version, and release it to the public or restrict it to members.
/// Whoever may not see it gets 404, so a draft or a members-only record is not even known to exist.
/// </summary>
[OutputCache(PolicyName = ContentCache.Policy)]
public sealed class RecordModel(RumboDbContext db, CurrentUser currentUser, TimeProvider clock) : PageModel
{
    public sealed record VersionLink(int Number, RecordStatus Status, Visibility Dissemination);

    /// <summary>A comment (or a reply, in <see cref="Replies"/>) and what the reader may do with it.</summary>
    public sealed record CommentView(int Id, string Author, int PersonId, DateTime AtUtc, string Body, DateTime? ResolvedAtUtc, string? ResolvedBy,
        bool CanResolve, IReadOnlyList<CommentView> Replies);

    public MeetingHeader Meeting { get; private set; } = null!;

    public RecordView Record { get; private set; } = null!;

    /// <summary>The versions of this meeting's record that the reader may see, newest first.</summary>
    public IReadOnlyList<VersionLink> Versions { get; private set; } = [];

    /// <summary>The comments, oldest first, each with its replies.</summary>
    public IReadOnlyList<CommentView> Comments { get; private set; } = [];

    public int UnresolvedComments => Comments.Count(c => c.ResolvedAtUtc is null);

    /// <summary>The meeting starts after now (by the injected clock): approving its minutes is probably a mistake.</summary>
    public bool MeetingAhead { get; private set; }

    /// <summary>Set when an approval waits for the approver to confirm past the warnings shown.</summary>
    public bool ApprovalNeedsConfirmation { get; private set; }

    public bool CanWrite { get; private set; }

    public bool CanComment { get; private set; }

    /// <summary>A later approved version the reader may see replaces this one.</summary>
    public int? SupersededBy { get; private set; }

    /// <summary>This is the newest version: only it may get a new version.</summary>
    public bool IsLatest { get; private set; }

    public int Version { get; private set; }

    [BindProperty]
    public string? CommentBody { get; set; }

    [BindProperty]
    public Visibility? Dissemination { get; set; }

    /// <summary>The reply being written, and to which comment (so that its message shows by its field).</summary>
    [BindProperty]
    public string? ReplyBody { get; set; }

    public int? ReplyTo { get; private set; }

    /// <summary>The approver saw the warnings (unresolved comments, a meeting not yet held) and approves anyway.</summary>
    [BindProperty]
    public bool Confirmed { get; set; }

    [BindProperty(Name = "Version")]
    public int PostedVersion { get; set; }

    /// <summary>A refusal that is not about a field (the record is frozen, or changed meanwhile).</summary>
    public string? Refusal { get; private set; }

    private async Task<IActionResult?> LoadAsync(int id, int number, CancellationToken ct)
    {
        var user = await currentUser.GetAsync(User, ct);
        var meeting = await MeetingHeader.LoadAsync(db, id, ct);
        if (meeting is null) return NotFound();
        var record = await RecordView.LoadAsync(db, id, number, ct);
        if (record is null || !user.CanSeeRecord(meeting.GroupId, record.Status, record.Dissemination))
        {
            // Someone signed out may be a member who has not signed in yet: they are asked to, whether or not this number
            // exists, so the answer tells nothing. A signed-in reader who may not see it is told it is not found.
            return user.IsSignedIn ? NotFound() : Challenge();
        }
        Meeting = meeting;
        Record = record;
        Version = record.Version;
        CanWrite = user.CanWriteRecord(meeting.GroupId);
        CanComment = user.CanCommentRecord(meeting.GroupId) && record.Status == RecordStatus.Draft;
        var all = await db.MeetingRecords.AsNoTracking().Where(r => r.MeetingId == id).OrderByDescending(r => r.Number)
            .Select(r => new VersionLink(r.Number, r.Status, r.Dissemination)).ToListAsync(ct);
        Versions = all.Where(v => user.CanSeeRecord(meeting.GroupId, v.Status, v.Dissemination)).ToList();
        IsLatest = all.Count == 0 || all[0].Number == number;
        SupersededBy = Versions.Where(v => v.Number > number && v.Status == RecordStatus.Approved).Select(v => (int?)v.Number).Min();
        MeetingAhead = !meeting.HasStarted(clock.GetUtcNow().UtcDateTime);
        if (user.CanSeeGroupInternals(meeting.GroupId))
        {
            var recordId = record.Id;
            var comments = await db.RecordComments.AsNoTracking().Where(c => c.RecordId == recordId).OrderBy(c => c.AtUtc).ThenBy(c => c.Id)
                .Select(c => new
                {
                    c.Id, c.ParentId, c.PersonId, c.Person!.GivenName, c.Person.FamilyName, c.AtUtc, c.Body, c.ResolvedAtUtc,
                    ResolvedByGiven = c.ResolvedBy == null ? null : c.ResolvedBy.GivenName, ResolvedByFamily = c.ResolvedBy == null ? null : c.ResolvedBy.FamilyName,
                }).ToListAsync(ct);
            var draft = record.Status == RecordStatus.Draft;
            var replies = comments.Where(c => c.ParentId is not null).ToLookup(c => c.ParentId!.Value);
            Comments = comments.Where(c => c.ParentId is null).Select(c => new CommentView(
                c.Id, $"{c.GivenName} {c.FamilyName}".Trim(), c.PersonId, c.AtUtc, c.Body, c.ResolvedAtUtc,
                c.ResolvedByGiven is null ? null : $"{c.ResolvedByGiven} {c.ResolvedByFamily}".Trim(),
                draft && user.CanResolveComment(meeting.GroupId, c.PersonId),
                replies[c.Id].Select(r => new CommentView(r.Id, $"{r.GivenName} {r.FamilyName}".Trim(), r.PersonId, r.AtUtc, r.Body, null, null, false, [])).ToList()))
                .ToList();
        }
        return null;
    }

    public async Task<IActionResult> OnGetAsync(int id, int number, CancellationToken ct) =>
        await LoadAsync(id, number, ct) ?? Page();

    public async Task<IActionResult> OnPostCommentAsync(int id, int number, CancellationToken ct)
    {
        if (await RefuseAsync(id, number, (u, groupId) => u.CanCommentRecord(groupId), ct) is { } refused) return refused;
        var user = await currentUser.GetAsync(User, ct);
        if (await LoadAsync(id, number, ct) is { } missing) return missing;
        if (Record.Status != RecordStatus.Draft) return Refuse(StatusCodes.Status409Conflict, "This record is approved and frozen: it takes no more comments.");
        var body = (CommentBody ?? "").Replace("\r\n", "\n").Trim();
        ModelState.Clear();
        if (body.Length == 0) ModelState.AddMessage(nameof(CommentBody), "Write the comment.");
        else if (body.Length > 4000) ModelState.AddMessage(nameof(CommentBody), "The comment is longer than 4000 characters.");
        if (!ModelState.IsValid)
        {
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return Page();
        }
        db.RecordComments.Add(new RecordComment { RecordId = Record.Id, PersonId = user.PersonId!.Value, AtUtc = clock.GetUtcNow().UtcDateTime, Body = body });
        await db.SaveChangesAsync(ct);
        return Redirect($"/meetings/{id}/records/{number}#comments");
    }

    public async Task<IActionResult> OnPostReplyAsync(int id, int number, int comment, CancellationToken ct)
    {
        if (await RefuseAsync(id, number, (u, groupId) => u.CanCommentRecord(groupId), ct) is { } refused) return refused;
        var user = await currentUser.GetAsync(User, ct);
        if (await LoadAsync(id, number, ct) is { } missing) return missing;
        var parent = await db.RecordComments.SingleOrDefaultAsync(c => c.Id == comment && c.RecordId == Record.Id, ct);
        if (parent is null) return NotFound();
        var record = await db.MeetingRecords.AsNoTracking().SingleAsync(r => r.Id == Record.Id, ct);
        if (record.RefuseDiscussion() is { } frozen) return Refuse(StatusCodes.Status409Conflict, frozen);
        var body = (ReplyBody ?? "").Replace("\r\n", "\n").Trim();
        ModelState.Clear();
        ReplyTo = parent.ParentId ?? parent.Id;
        if (body.Length == 0) ModelState.AddMessage(nameof(ReplyBody), "Write the reply.");
        else if (body.Length > 4000) ModelState.AddMessage(nameof(ReplyBody), "The reply is longer than 4000 characters.");
        if (!ModelState.IsValid)
        {
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return Page();
        }
        db.RecordComments.Add(parent.Reply(user.PersonId!.Value, clock.GetUtcNow().UtcDateTime, body));
        await db.SaveChangesAsync(ct);
        return Redirect($"/meetings/{id}/records/{number}#comment-{ReplyTo}");
    }

    public Task<IActionResult> OnPostResolveAsync(int id, int number, int comment, CancellationToken ct) =>
        SettleAsync(id, number, comment, (c, user) => c.Resolve(user.PersonId, clock.GetUtcNow().UtcDateTime), ct);

    public Task<IActionResult> OnPostReopenAsync(int id, int number, int comment, CancellationToken ct) =>
        SettleAsync(id, number, comment, (c, _) => c.Reopen(), ct);

    /// <summary>
    /// Resolves or reopens a comment. Whoever is not in the group's conversation is refused before the comment is
    /// looked up, so that a comment's id tells an outsider nothing; then the comment's author decides.
    /// </summary>
    private async Task<IActionResult> SettleAsync(int id, int number, int comment, Func<RecordComment, CurrentUser.Snapshot, string?> change, CancellationToken ct)
    {
        if (await RefuseAsync(id, number, (u, groupId) => u.CanCommentRecord(groupId) || u.CanWriteRecord(groupId), ct) is { } refused) return refused;
        var user = await currentUser.GetAsync(User, ct);
        if (await LoadAsync(id, number, ct) is { } missing) return missing;
        var target = await db.RecordComments.SingleOrDefaultAsync(c => c.Id == comment && c.RecordId == Record.Id, ct);
        if (target is null) return NotFound();
        if (!user.CanResolveComment(Meeting.GroupId, target.PersonId)) return StatusCode(StatusCodes.Status403Forbidden);
        var record = await db.MeetingRecords.AsNoTracking().SingleAsync(r => r.Id == Record.Id, ct);
        if (record.RefuseDiscussion() is { } frozen) return Refuse(StatusCodes.Status409Conflict, frozen);
        if (change(target, user) is { } refusal) return Refuse(StatusCodes.Status409Conflict, refusal);
        await db.SaveChangesAsync(ct);
        return Redirect($"/meetings/{id}/records/{number}#comment-{target.Id}");
    }

    public Task<IActionResult> OnPostApproveAsync(int id, int number, CancellationToken ct) =>
        ChangeAsync(id, number, (record, user) => record.Approve(user.PersonId, clock.GetUtcNow().UtcDateTime, Dissemination!.Value), needsDissemination: true, ct);

    public Task<IActionResult> OnPostReleaseAsync(int id, int number, CancellationToken ct) =>
        ChangeAsync(id, number, (record, _) => record.Release(), needsDissemination: false, ct);

    public Task<IActionResult> OnPostRestrictAsync(int id, int number, CancellationToken ct) =>
        ChangeAsync(id, number, (record, _) => record.Restrict(), needsDissemination: false, ct);

    public async Task<IActionResult> OnPostNewVersionAsync(int id, int number, CancellationToken ct)
    {
        if (await RefuseAsync(id, number, (u, groupId) => u.CanWriteRecord(groupId), ct) is { } refused) return refused;
        if (await LoadAsync(id, number, ct) is { } missing) return missing;
        if (Record.Status != RecordStatus.Approved) return Refuse(StatusCodes.Status409Conflict, "A draft is edited as it is: a new version is made from an approved record.");
        if (!IsLatest) return Refuse(StatusCodes.Status409Conflict, "A newer version of this record exists already.");
        var source = await db.MeetingRecords.AsNoTracking().Include(r => r.Sections).ThenInclude(s => s.Outcomes).AsSplitQuery()
            .SingleAsync(r => r.Id == Record.Id, ct);
        var copy = source.NewVersion(clock.GetUtcNow().UtcDateTime);
        db.MeetingRecords.Add(copy);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // The number is unique per meeting: someone else made the new version first.
            db.ChangeTracker.Clear();
            await LoadAsync(id, number, ct);
            return Refuse(StatusCodes.Status409Conflict, "A newer version of this record exists already.");
        }
        return Redirect($"/meetings/{id}/records/{number + 1}/edit");
    }

    private async Task<IActionResult> ChangeAsync(int id, int number, Func<MeetingRecord, CurrentUser.Snapshot, string?> change, bool needsDissemination, CancellationToken ct)
    {
        if (await RefuseAsync(id, number, (u, groupId) => u.CanWriteRecord(groupId), ct) is { } refused) return refused;
        var user = await currentUser.GetAsync(User, ct);
        if (await LoadAsync(id, number, ct) is { } missing) return missing;
        var badDissemination = ModelState.HasError(nameof(Dissemination));
        ModelState.Clear();
        if (needsDissemination && (badDissemination || Dissemination is not { } d || !Enum.IsDefined(d)))
        {
            ModelState.AddMessage(nameof(Dissemination), "Choose who may read the approved record.");
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return Page();
        }
        // Approval warns, and waits for the approver's confirmation, while comments are unresolved or the meeting is
        // still ahead; neither blocks it, as the group may have settled them elsewhere or approve ahead on purpose.
        if (needsDissemination && !Confirmed && Record.Status == RecordStatus.Draft && Record.Version == PostedVersion && (UnresolvedComments > 0 || MeetingAhead))
        {
            ApprovalNeedsConfirmation = true;
            return Page();
        }
        var record = await db.MeetingRecords.SingleAsync(r => r.Id == Record.Id, ct);
        if (record.Version != PostedVersion) return Refuse(StatusCodes.Status409Conflict, "Someone else changed this record after you opened this page. Nothing was saved.");
        if (change(record, user) is { } refusal) return Refuse(StatusCodes.Status409Conflict, refusal);
        if (!await db.SaveIfVersionAsync(record, r => r.Version, PostedVersion, ct))
        {
            await LoadAsync(id, number, ct);
            return Refuse(StatusCodes.Status409Conflict, "Someone else changed this record after you opened this page. Nothing was saved.");
        }
        return Redirect($"/meetings/{id}/records/{number}");
    }

    /// <summary>
    /// Refuses before anything else is read: someone signed out is asked to sign in; a record the user may not read is
    /// not found, as one that does not exist, so that its number tells nothing; one they read but may not change is 403.
    /// </summary>
    private async Task<IActionResult?> RefuseAsync(int id, int number, Func<CurrentUser.Snapshot, int, bool> allowed, CancellationToken ct)
    {
        var user = await currentUser.GetAsync(User, ct);
        if (!user.IsSignedIn) return Challenge();
        var record = await db.MeetingRecords.AsNoTracking().Where(r => r.MeetingId == id && r.Number == number)
            .Select(r => new { r.Meeting!.GroupId, r.Status, r.Dissemination }).SingleOrDefaultAsync(ct);
        if (record is null || !user.CanSeeRecord(record.GroupId, record.Status, record.Dissemination)) return NotFound();
        return allowed(user, record.GroupId) ? null : StatusCode(StatusCodes.Status403Forbidden);
    }

    private PageResult Refuse(int status, string message)
    {
        Refusal = message;
        Response.StatusCode = status;
        return Page();
    }
}
