using System.Globalization;
using System.Net.Http.Json;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Rumbo.Core.Agendas;
using Rumbo.Core.Policies;

namespace Rumbo.Web.Tests;

public abstract partial class PermissionMatrixTests
{
    /// <summary>The matrix's focal point writes the scenario's country A; the secretariat any country.</summary>
    private static Who[] PolicyWriters => [Who.FocalPoint, Who.Secretariat];

    /// <summary>Those who may not even read an unpublished policy of country A: 404, as for no policy.</summary>
    private static Who[] PolicyOutsiders => [Who.SignedIn, Who.GroupMember, Who.GroupCoordinator];

    private const string MatrixPolicySummary = "Matrix policy";

    /// <summary>Every page write of the public-policy register: the country's focal points write, the secretariat also reviews.</summary>
    private static IEnumerable<Write> PolicyWrites() =>
    [
        new("add a country's policy", async t => $"/policies/new?agenda=lc-crp-20-6&country={(await t.Scenario()).CountryA}",
            _ => Task.FromResult(new Dictionary<string, string>
            {
                ["Language"] = "es", ["Title.Source"] = $"Política {Guid.NewGuid():n}"[..20], ["Level"] = "National", ["Instrument"] = "Plan", ["Status"] = "Design",
            }),
            PolicyWriters),
        new("edit a country's policy", async t => $"/policies/{await t.MatrixPolicy(PolicyReview.Draft, PolicyStatus.Design)}/edit",
            async t => new()
            {
                ["Version"] = await t.MatrixPolicyVersion(), ["Language"] = "es", ["Title.Source"] = $"Matrix {Guid.NewGuid():n}"[..20],
                ["Summary.Source"] = MatrixPolicySummary, ["Level"] = "National", ["Instrument"] = "Policy",
            },
            PolicyWriters, PolicyOutsiders),
        new("send a policy for review", async t => $"/policies/{await t.MatrixPolicy(PolicyReview.Draft, PolicyStatus.Design)}?handler=Submit",
            async t => new() { ["Version"] = await t.MatrixPolicyVersion() },
            PolicyWriters, PolicyOutsiders),
        new("record a change of a policy's status", async t => $"/policies/{await t.MatrixPolicy(PolicyReview.Draft, PolicyStatus.Design)}?handler=Status",
            async t => new() { ["Version"] = await t.MatrixPolicyVersion(), ["To"] = "Approved", ["On"] = DateTime.UtcNow.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) },
            PolicyWriters, PolicyOutsiders),
        new("mark a policy as reviewed", async t => $"/policies/{await t.MatrixPolicy(PolicyReview.Submitted, PolicyStatus.Design)}?handler=Review",
            async t => new() { ["Version"] = await t.MatrixPolicyVersion(), ["action"] = "review" },
            [Who.Secretariat], PolicyOutsiders),
        new("return a policy to the country", async t => $"/policies/{await t.MatrixPolicy(PolicyReview.Submitted, PolicyStatus.Design)}?handler=Review",
            async t => new() { ["Version"] = await t.MatrixPolicyVersion(), ["action"] = "return", ["Comment"] = "Add the law's number." },
            [Who.Secretariat], PolicyOutsiders),
        new("link a suggested line to a policy", async t => $"/policies/{await t.MatrixPolicyWithout("1.1.1")}?handler=ConfirmLine",
            async t => new() { ["Version"] = await t.MatrixPolicyVersion(), ["LineCode"] = "1.1.1" },
            PolicyWriters, PolicyOutsiders),
        new("reject a suggested line for a policy", async t => $"/policies/{await t.MatrixPolicyWithout("4.6.5")}?handler=RejectLine",
            async t => new() { ["Version"] = await t.MatrixPolicyVersion(), ["LineCode"] = "4.6.5" },
            PolicyWriters, PolicyOutsiders),
        new("import a country's policies", async t => $"/policies/import?agenda=lc-crp-20-6&country={(await t.Scenario()).CountryA}",
            _ => Task.FromResult(new Dictionary<string, string>()),
            PolicyWriters) { File = () => ("file", "policies.csv", Encoding.UTF8.GetBytes($"title,language,level,instrument,status\nImported {Guid.NewGuid():n},es,National,Plan,Design\n")) },
    ];

    private const string PolicyApiCreate = "POST api/v1/policies";
    private const string PolicyApiUpdate = "PUT api/v1/policies/{id:int}";

    /// <summary>Registered from the indicators' part's static constructor, the one place the parts' static state is known to be set.</summary>
    internal static void AddPolicyOpenWrites()
    {
        OpenWrites.TryAdd("POST api/v1/agendas/{key}/line-suggestions", "a calculation on the text sent against the public agenda: it stores nothing, so anyone may ask, limited per address (LineSuggestionsTests try it)");
        OpenWrites.TryAdd(PolicyApiCreate, "tried as every kind of user by The_policy_API_writes_are_allowed_or_refused_as_the_matrix_says (PermissionMatrixTests.Policies.cs): it takes JSON, which a row cannot post");
        OpenWrites.TryAdd(PolicyApiUpdate, "tried as every kind of user by The_policy_API_writes_are_allowed_or_refused_as_the_matrix_says (PermissionMatrixTests.Policies.cs): it takes JSON, which a row cannot post");
    }

    /// <summary>
    /// The API's writes as matrix rows: with a personal access token, country A's focal point and the secretariat add and
    /// change its policies; anyone else signed in is refused (403 to add; 404 for a draft they may not see); no token is 401.
    /// </summary>
    [Theory]
    [MemberData(nameof(EveryKindOfUser))]
    public async Task The_policy_API_writes_are_allowed_or_refused_as_the_matrix_says(Who who)
    {
        var token = await UserCredential(who, api: true);
        var country = (await Scenario()).CountryA;
        var id = await MatrixPolicy(PolicyReview.Draft, PolicyStatus.Design);
        var version = int.Parse(await MatrixPolicyVersion(), CultureInfo.InvariantCulture);
        var before = await AuditCount();
        using var post = new HttpRequestMessage(HttpMethod.Post, "/api/v1/policies")
        {
            Content = JsonContent.Create(new { agenda = "lc-crp-20-6", country, language = "es", title = new { source = $"API {Guid.NewGuid():n}" }, level = "national", instrument = "plan", status = "design" }),
        };
        using var put = new HttpRequestMessage(HttpMethod.Put, $"/api/v1/policies/{id}")
        {
            Content = JsonContent.Create(new { version, language = "es", title = new { source = $"API {Guid.NewGuid():n}" }, summary = new { source = MatrixPolicySummary }, level = "national", instrument = "policy" }),
        };
        foreach (var request in (HttpRequestMessage[])[post, put])
        {
            if (token is not null) request.Headers.Authorization = new("Bearer", token);
            var status = (int)(await client.SendAsync(request)).StatusCode;
            if (PolicyWriters.Contains(who))
            {
                Assert.True(status is 200 or 201, $"{request.Method} as {who}: expected success, got {status}");
            }
            else
            {
                Assert.Equal(who == Who.Anonymous ? 401 : request.Method == HttpMethod.Post ? 403 : 404, status);
            }
        }
        if (PolicyWriters.Contains(who)) Assert.True(await AuditCount() > before);
        else Assert.Equal(before, await AuditCount());
    }

    /// <summary>Country A's matrix policy, put in the given review and status (no history after its first) for the case.</summary>
    private async Task<int> MatrixPolicy(PolicyReview review, PolicyStatus status)
    {
        var code = (await Scenario()).CountryA;
        await using var db = app.Database.CreateContext();
        var policy = await db.Policies.Include(p => p.StatusChanges).FirstOrDefaultAsync(p => p.Country!.Code == code && p.Summary.Source == MatrixPolicySummary);
        if (policy is null)
        {
            policy = new Policy
            {
                AgendaId = await db.Agendas.Where(a => a.Slug == "lc-crp-20-6").Select(a => a.Id).SingleAsync(),
                CountryId = await db.Countries.Where(c => c.Code == code).Select(c => c.Id).SingleAsync(),
                Language = "es", Title = new LocalizedText { Source = "Política de la matriz" }, Summary = new LocalizedText { Source = MatrixPolicySummary },
                CreatedAtUtc = DateTime.UtcNow, UpdatedAtUtc = DateTime.UtcNow,
            };
            db.Policies.Add(policy);
        }
        policy.Review = review;
        policy.Status = status;
        policy.IsPublic = false;
        policy.StatusChanges.Clear();
        policy.StatusChanges.Add(new PolicyStatusChange { To = status, On = new DateOnly(2024, 1, 1), AtUtc = DateTime.UtcNow });
        await db.SaveChangesAsync();
        return policy.Id;
    }

    /// <summary>The matrix policy as a draft with the line neither linked nor rejected, so that each case's answer changes something.</summary>
    private async Task<int> MatrixPolicyWithout(string line)
    {
        var id = await MatrixPolicy(PolicyReview.Draft, PolicyStatus.Design);
        await using var db = app.Database.CreateContext();
        var lineId = await db.Lines.Where(l => l.Agenda!.Slug == "lc-crp-20-6" && l.Code == line).Select(l => l.Id).SingleAsync();
        db.PolicyLines.RemoveRange(await db.PolicyLines.Where(l => l.PolicyId == id && l.LineOfActionId == lineId).ToListAsync());
        db.PolicyLineRejections.RemoveRange(await db.PolicyLineRejections.Where(r => r.PolicyId == id && r.LineOfActionId == lineId).ToListAsync());
        await db.SaveChangesAsync();
        return id;
    }

    private async Task<string> MatrixPolicyVersion()
    {
        var code = (await Scenario()).CountryA;
        await using var db = app.Database.CreateContext();
        return (await db.Policies.FirstAsync(p => p.Country!.Code == code && p.Summary.Source == MatrixPolicySummary)).Version.ToString(CultureInfo.InvariantCulture);
    }
}
