using System.Globalization;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using Microsoft.EntityFrameworkCore;
using Rumbo.Core.Accounts;
using Rumbo.Core.Exports;
using Rumbo.TestSupport;
using Rumbo.Web.Tests.Documents;
using Rumbo.Web.Tests.Records;

namespace Rumbo.Web.Tests.Translations;

/// <summary>
/// Translation at scale: the planning agenda's texts exported as XLIFF 2.0 and as a table, translated outside and imported
/// back with a report; a source changed after its translation needs review; a file whose source no longer matches, an
/// empty target or an unknown unit is reported and not applied; a bad file changes nothing. Each test works in a language
/// of its own, as they share the class's database.
/// </summary>
public abstract partial class TranslationTests(RumboApp app)
{
    private const string Agenda = "lc-crp-20-6";
    private const string Page = $"/agendas/{Agenda}/translations";
    private static readonly XNamespace X = "urn:oasis:names:tc:xliff:document:2.0";

    private readonly RecordsTestKit kit = new(app);

    private HttpClient Client => kit.Client;

    private Task<string> SecretariatAsync() => SignedIn.CookieAsync(app, Roles.SecretariatAdmin);

    private async Task<byte[]> DownloadAsync(string url, string cookie)
    {
        var response = await kit.GetAsync(url, cookie);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {url} answered {(int)response.StatusCode}");
        return await response.Content.ReadAsByteArrayAsync();
    }

    private async Task<XDocument> XliffAsync(string lang, string cookie, string page = Page)
    {
        var bytes = await DownloadAsync($"{page}/{lang}.xlf", cookie);
        using var stream = new MemoryStream(bytes);
        return XDocument.Load(stream);
    }

    private static byte[] Bytes(XDocument document)
    {
        using var stream = new MemoryStream();
        document.Save(stream);
        return stream.ToArray();
    }

    private static IEnumerable<XElement> Units(XDocument d) => d.Descendants(X + "unit");

    private static string SourceOf(XElement unit) => unit.Element(X + "segment")!.Element(X + "source")!.Value;

    /// <summary>Sets the unit's target (and its state, as a translation tool does).</summary>
    private static void Translate(XElement unit, string target)
    {
        var segment = unit.Element(X + "segment")!;
        segment.Element(X + "target")?.Remove();
        segment.Add(new XElement(X + "target", target));
        segment.SetAttributeValue("state", "translated");
    }

    /// <summary>Posts a file to the import form as the page sends it (multipart, with the antiforgery token).</summary>
    private async Task<(HttpResponseMessage Response, IHtmlDocument Page)> ImportAsync(string cookie, string lang, string fileName, byte[] content, string page = Page)
    {
        var form = await kit.OpenAsync(page, cookie);
        using var request = new HttpRequestMessage(HttpMethod.Post, page)
        {
            Content = DocumentTestClient.Multipart([new("__RequestVerificationToken", form.Token), new("lang", lang)], ("file", fileName, content)),
        };
        request.Headers.Add("Cookie", form.Cookies);
        var response = await Client.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        return (response, new HtmlParser().ParseDocument(body));
    }

    private static int Count(IHtmlDocument page, string what) =>
        int.Parse(page.QuerySelector($"[data-count={what}]")!.TextContent.Trim(), CultureInfo.InvariantCulture);

    private static string StatusCell(IHtmlDocument page, string lang, string state) =>
        page.QuerySelector($"#translation-status tr[data-lang={lang}] td[data-state={state}]")!.TextContent.Trim();

    /// <summary>The number of texts the planning agenda has, counted in the database: its non-empty texts, principles, areas, objectives and lines.</summary>
    private async Task<int> ExpectedTextsAsync()
    {
        await using var db = app.Database.CreateContext();
        var a = await db.Agendas.SingleAsync(x => x.Slug == Agenda);
        var own = new[] { a.Title, a.AdoptingBody, a.Meeting, a.AreaLevelName, a.Description, a.FollowUpMechanism }.Count(t => !string.IsNullOrWhiteSpace(t.Source));
        return own + await db.Principles.CountAsync(p => p.AgendaId == a.Id) + await db.Areas.CountAsync(x => x.AgendaId == a.Id)
            + await db.Objectives.CountAsync(o => o.AgendaId == a.Id) + await db.Lines.CountAsync(l => l.AgendaId == a.Id);
    }

    private async Task<(int Id, string Source, string? Fr, string? Pt, string? Es)> LineAsync(string code)
    {
        await using var db = app.Database.CreateContext();
        var l = await db.Lines.SingleAsync(x => x.Code == code && x.Agenda!.Slug == Agenda);
        return (l.Id, l.Text.Source, l.Text.Fr, l.Text.Pt, l.Text.Es);
    }

    [Fact]
    public async Task The_planning_agenda_exported_for_French_translated_and_imported_shows_in_French_at_100_percent()
    {
        var cookie = await SecretariatAsync();
        var expected = await ExpectedTextsAsync();
        Assert.True(expected > 100, $"the planning agenda has {expected} texts");

        var file = await XliffAsync("fr", cookie);
        var root = file.Root!;
        Assert.Equal(X + "xliff", root.Name);
        Assert.Equal("2.0", (string?)root.Attribute("version"));
        Assert.Equal("en", (string?)root.Attribute("srcLang"));
        Assert.Equal("fr", (string?)root.Attribute("trgLang"));
        var xfile = Assert.Single(root.Elements(X + "file"));
        var units = Units(file).ToList();
        Assert.Equal(expected, units.Count);
        Assert.Equal(units.Count, units.Select(u => (string)u.Attribute("id")!).Distinct().Count());
        Assert.All(units, u =>
        {
            Assert.Matches(new Regex("^[a-z]+-[0-9]+-[a-z-]+$"), (string)u.Attribute("id")!);
            Assert.False(string.IsNullOrWhiteSpace((string?)u.Attribute("name")));
            Assert.Equal("location", (string?)u.Element(X + "notes")!.Element(X + "note")!.Attribute("category"));
            Assert.Single(u.Elements(X + "segment"));
        });
        var line = await LineAsync("1.1.1");
        var lineUnit = units.Single(u => (string)u.Attribute("id")! == $"line-{line.Id}-text");
        Assert.Equal("Line of action 1.1.1", (string)lineUnit.Attribute("name")!);
        Assert.Equal(line.Source, SourceOf(lineUnit));
        Assert.Contains(units, u => ((string)u.Attribute("id")!).StartsWith("objective-", StringComparison.Ordinal));
        Assert.Contains(units, u => ((string)u.Attribute("id")!).StartsWith("area-", StringComparison.Ordinal));

        foreach (var u in units) Translate(u, "[fr] " + SourceOf(u).Trim());
        var auditBefore = await kit.AuditCountAsync();
        var (response, page) = await ImportAsync(cookie, "fr", "planning-fr.xlf", Bytes(file));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(0, Count(page, "not-matching"));
        Assert.Equal(0, Count(page, "unknown"));
        Assert.Equal(0, Count(page, "missing"));
        Assert.Equal(expected, Count(page, "changed") + Count(page, "unchanged"));
        Assert.Contains("(100 %)", StatusCell(page, "fr", "translated"));

        // Applied, and audited as the user's changes.
        Assert.Equal($"[fr] {line.Source}", (await LineAsync("1.1.1")).Fr);
        await using (var db = app.Database.CreateContext())
        {
            var entries = await db.AuditEntries.Where(e => e.EntityType == "LineOfAction" && e.Actor.StartsWith("member-") && e.Changes.Contains("Text.Fr")).CountAsync();
            Assert.True(entries >= await db.Lines.CountAsync(l => l.Agenda!.Slug == Agenda), $"{entries} lines audited");
        }
        Assert.True(await kit.AuditCountAsync() > auditBefore);

        // The agenda in French shows the translations.
        var agenda = await Client.GetPageAsync($"/agendas/{Agenda}", "fr");
        Assert.Contains($"[fr] {line.Source}", agenda.Body!.TextContent);

        // The status page and a new export say translated; the same file again changes nothing.
        var status = await kit.PageAsync($"{Page}?lang=fr", cookie);
        Assert.Contains("(100 %)", StatusCell(status, "fr", "translated"));
        Assert.NotNull(status.QuerySelector("#pending-none"));
        var again = await XliffAsync("fr", cookie);
        Assert.All(Units(again), u => Assert.Equal("translated", (string?)u.Element(X + "segment")!.Attribute("state")));
        var before = await kit.AuditCountAsync();
        (response, page) = await ImportAsync(cookie, "fr", "planning-fr.xlf", Bytes(file));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(0, Count(page, "changed"));
        Assert.Equal(expected, Count(page, "unchanged"));
        Assert.Equal(before, await kit.AuditCountAsync());
    }

    [Fact]
    public async Task An_official_translation_replaced_by_a_file_is_no_longer_official()
    {
        var cookie = await SecretariatAsync();
        int agendaId;
        await using (var db = app.Database.CreateContext())
        {
            var a = await db.Agendas.SingleAsync(x => x.Slug == Agenda);
            agendaId = a.Id;
            // The demo data gives the agenda's title its official Spanish.
            Assert.Contains("es", a.Title.Official ?? "");
        }
        var file = await XliffAsync("es", cookie);
        var title = Units(file).Single(u => (string)u.Attribute("id")! == $"agenda-{agendaId}-title");
        Translate(title, "Agenda regional de planificación (traducción revisada)");
        var (response, page) = await ImportAsync(cookie, "es", "planning-es.xlf", Bytes(file));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(1, Count(page, "changed"));
        await using (var db = app.Database.CreateContext())
        {
            var a = await db.Agendas.SingleAsync(x => x.Slug == Agenda);
            Assert.Equal("Agenda regional de planificación (traducción revisada)", a.Title.Es);
            Assert.DoesNotContain("es", a.Title.Official ?? "");
        }
    }

    [Fact]
    public async Task A_source_changed_after_its_translation_needs_review_and_an_old_file_no_longer_matches()
    {
        var cookie = await SecretariatAsync();
        var line = await LineAsync("2.1.1");
        var unitId = $"line-{line.Id}-text";
        var file = await XliffAsync("pt", cookie);
        var unit = Units(file).Single(u => (string)u.Attribute("id")! == unitId);
        Translate(unit, "Tradução da linha 2.1.1");
        var (response, page) = await ImportAsync(cookie, "pt", "pt.xlf", Bytes(file));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.NotNull(page.QuerySelector($"#report-changed tr[data-unit={unitId}]"));
        var status = await kit.PageAsync($"{Page}?lang=pt", cookie);
        Assert.Null(status.QuerySelector($"#pending tr[data-unit={unitId}]"));

        // The source changes through the line's own editor, which keeps the Portuguese translation.
        var form = await kit.OpenAsync($"/agendas/{Agenda}/lines/2.1.1/edit", cookie);
        var fields = RecordsTestKit.With(RecordsTestKit.Fields(form.Page), ("Text.Source", line.Source + " (revised)"));
        var saved = await kit.PostAsync($"/agendas/{Agenda}/lines/2.1.1/edit", form, fields);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal("Tradução da linha 2.1.1", (await LineAsync("2.1.1")).Pt);

        status = await kit.PageAsync($"{Page}?lang=pt", cookie);
        Assert.Equal("NeedsReview", status.QuerySelector($"#pending tr[data-unit={unitId}]")!.GetAttribute("data-state"));
        Assert.DoesNotContain("0 (0 %)", StatusCell(status, "pt", "needs-review"));
        var export = await XliffAsync("pt", cookie);
        var marked = Units(export).Single(u => (string)u.Attribute("id")! == unitId);
        Assert.Equal("initial", (string?)marked.Element(X + "segment")!.Attribute("state"));
        Assert.Equal("Tradução da linha 2.1.1", marked.Element(X + "segment")!.Element(X + "target")!.Value);
        Assert.Contains(marked.Element(X + "notes")!.Elements(X + "note"), n => (string?)n.Attribute("category") == "review");
        Assert.EndsWith("(revised)", SourceOf(marked));

        // The old file, translated from the old source: reported, not applied.
        Translate(unit, "Outra tradução");
        var before = await kit.AuditCountAsync();
        (response, page) = await ImportAsync(cookie, "pt", "old-pt.xlf", Bytes(file));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.NotNull(page.QuerySelector($"#report-not-matching li[data-unit={unitId}]"));
        Assert.Equal(0, Count(page, "changed"));
        Assert.Equal("Tradução da linha 2.1.1", (await LineAsync("2.1.1")).Pt);
        Assert.Equal(before, await kit.AuditCountAsync());

        // Translated again from the new export: up to date.
        Translate(marked, "Tradução revista da linha 2.1.1");
        (response, page) = await ImportAsync(cookie, "pt", "new-pt.xlf", Bytes(export));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.NotNull(page.QuerySelector($"#report-changed tr[data-unit={unitId}]"));
        status = await kit.PageAsync($"{Page}?lang=pt", cookie);
        Assert.Null(status.QuerySelector($"#pending tr[data-unit={unitId}]"));
    }

    [Fact]
    public async Task A_spreadsheet_round_trip_applies_the_filled_rows_and_reports_the_empty_ones_as_missing()
    {
        var cookie = await SecretariatAsync();
        var expected = await ExpectedTextsAsync();
        var xlsx = await DownloadAsync($"{Page}/es.xlsx", cookie);
        var (table, problem) = TableImport.Open(new MemoryStream(xlsx));
        Assert.Null(problem);
        List<string?[]> rows;
        IReadOnlyList<string> header;
        using (table)
        {
            header = table!.Header;
            rows = table.Rows.Select(r => r.Cells.ToArray()).ToList();
        }
        Assert.Equal(["id", "what", "source", "translation (es)", "status"], header);
        Assert.Equal(expected, rows.Count);
        var line = await LineAsync("1.2.1");
        var lineRow = rows.Single(r => r[0] == $"line-{line.Id}-text");
        Assert.Equal("Line of action 1.2.1", lineRow[1]);
        // Three translations filled in, the rest left empty (and a unit the agenda does not have).
        var filled = rows.Where(r => r[0]!.StartsWith("line-", StringComparison.Ordinal)).Take(2).Append(lineRow).Distinct().ToList();
        foreach (var r in filled) r[3] = "  Traducción   de " + r[0] + "  ";
        foreach (var r in rows.Except(filled)) r[3] = null;
        rows.Add(["line-999999-text", "?", "Nothing", "Nada", ""]);
        var upload = TableExport.ToXlsx("Translations", header, rows);
        var (response, page) = await ImportAsync(cookie, "es", "planning-es.xlsx", upload);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(filled.Count, Count(page, "changed"));
        Assert.Equal(expected - filled.Count, Count(page, "missing"));
        Assert.Equal(1, Count(page, "unknown"));
        Assert.Contains("line-999999-text", page.QuerySelector("#report-unknown")!.TextContent);
        // Trimmed and folded as the forms keep texts.
        Assert.Equal($"Traducción de line-{line.Id}-text", (await LineAsync("1.2.1")).Es);

        // The CSV export says so, and a CSV comes back as well.
        var csv = Encoding.UTF8.GetString(await DownloadAsync($"{Page}/es.csv", cookie));
        Assert.Contains($"line-{line.Id}-text,Line of action 1.2.1,", csv);
        var back = $"id,source,translation (es)\nline-{line.Id}-text,\"{line.Source.Replace("\"", "\"\"")}\",Otra traducción\n";
        (response, page) = await ImportAsync(cookie, "es", "back.csv", Encoding.UTF8.GetBytes(back));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(1, Count(page, "changed"));
        // The texts that file leaves out are reported as missing in it.
        Assert.Equal(expected - 1, Count(page, "missing"));
        Assert.Equal("Otra traducción", (await LineAsync("1.2.1")).Es);
    }

    public static TheoryData<string, string, int, string> BadFiles() => new()
    {
        { "not XML", "not-xml", 422, "cannot be read as XML" },
        { "XML that is not XLIFF", "html", 422, "not XLIFF 2.0" },
        { "a DTD with an external entity", "xxe", 422, "document type (DTD)" },
        { "a file for Portuguese posted as French", "wrong-language", 422, "translated into Português, not into Français" },
        { "a file for another agenda", "other-agenda", 422, "another agenda or group" },
        { "a file larger than the limit", "too-large", 413, "larger than 5 MB" },
        { "a spreadsheet without the id column", "no-id", 422, "no \"id\" column" },
        { "an empty file", "empty", 422, "Choose the translated file" },
    };

    [Theory]
    [MemberData(nameof(BadFiles))]
    public async Task A_bad_file_is_refused_by_the_field_with_a_clear_message_and_changes_nothing(string what, string kind, int status, string message)
    {
        var cookie = await SecretariatAsync();
        var line = await LineAsync("1.1.1");
        string otherSlug;
        await using (var db = app.Database.CreateContext()) otherSlug = await db.Agendas.Where(a => a.Slug != Agenda).Select(a => a.Slug).FirstAsync();
        var valid = await XliffAsync("pt", cookie);
        foreach (var u in Units(valid)) Translate(u, "Tradução qualquer");
        byte[] content = kind switch
        {
            "not-xml" => Encoding.UTF8.GetBytes("<xliff version=\"2.0\"><file><unit id=\"x\">"),
            "html" => Encoding.UTF8.GetBytes("<html><body>Not a translation</body></html>"),
            "xxe" => Encoding.UTF8.GetBytes("<?xml version=\"1.0\"?>\n<!DOCTYPE xliff [<!ENTITY e SYSTEM \"file:///etc/passwd\">]>\n"
                + $"<xliff xmlns=\"urn:oasis:names:tc:xliff:document:2.0\" version=\"2.0\" srcLang=\"en\" trgLang=\"fr\"><file id=\"agenda-1\"><unit id=\"line-{line.Id}-text\"><segment><source>{line.Source}</source><target>&e;</target></segment></unit></file></xliff>"),
            "wrong-language" => Bytes(valid),
            "other-agenda" => Bytes(await OtherAgendaFileAsync(otherSlug, cookie)),
            "too-large" => Encoding.UTF8.GetBytes("<xliff>" + new string(' ', 5 * 1024 * 1024 + 10) + "</xliff>"),
            "no-id" => Encoding.UTF8.GetBytes("code,translation (fr)\n1.1.1,Ligne\n"),
            _ => [],
        };
        var before = (await kit.AuditCountAsync(), await LineAsync("1.1.1"));
        var (response, page) = await ImportAsync(cookie, "fr", $"{kind}.xlf", content);
        Assert.True((int)response.StatusCode == status, $"{what}: answered {(int)response.StatusCode}");
        var error = page.QuerySelector("#file-error");
        Assert.True(error is not null, $"{what}: no message by the file field");
        Assert.Contains(message, error!.TextContent);
        Assert.Equal("true", page.QuerySelector("#file")!.GetAttribute("aria-invalid"));
        Assert.DoesNotContain("root:", page.Body!.TextContent);
        Assert.Equal(before, (await kit.AuditCountAsync(), await LineAsync("1.1.1")));
    }

    private async Task<XDocument> OtherAgendaFileAsync(string slug, string cookie)
    {
        var other = await XliffAsync("fr", cookie, $"/agendas/{slug}/translations");
        // Made to claim the planning agenda's languages, so that only its texts give it away.
        other.Root!.SetAttributeValue("srcLang", "en");
        foreach (var u in Units(other)) Translate(u, "Texte");
        return other;
    }

    [Fact]
    public async Task The_source_language_is_no_target_and_an_unknown_format_is_not_found()
    {
        var cookie = await SecretariatAsync();
        var en = await kit.GetAsync($"{Page}/en.xlf", cookie);
        Assert.Equal(HttpStatusCode.BadRequest, en.StatusCode);
        Assert.Contains("The texts are written in English", await en.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.NotFound, (await kit.GetAsync($"{Page}/fr.doc", cookie)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await kit.GetAsync($"{Page}/de.xlf", cookie)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await kit.GetAsync("/agendas/no-such-agenda/translations", cookie)).StatusCode);

        var before = await kit.AuditCountAsync();
        var (response, page) = await ImportAsync(cookie, "en", "en.xlf", Bytes(await XliffAsync("fr", cookie)));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.NotNull(page.QuerySelector("#lang-error"));
        Assert.Equal(before, await kit.AuditCountAsync());
    }

    [Fact]
    public async Task Only_the_secretariat_and_the_groups_coordinators_see_and_export_translations()
    {
        var scenario = await GroupScenario.SharedAsync(app.Database);
        var group = $"/groups/{scenario.Complete}/translations";
        var (coordinator, _) = await SignedIn.CoordinatorAsync(app, scenario.Complete);
        var someone = await SignedIn.CookieAsync(app);
        var secretariat = await SecretariatAsync();
        string[] agendaUrls = [Page, $"{Page}/fr.xlf", $"{Page}/fr.xlsx"];
        string[] groupUrls = [group, $"{group}/fr.xlf", $"{group}/fr.csv"];

        foreach (var url in agendaUrls.Concat(groupUrls))
        {
            var anonymous = await kit.GetAsync(url);
            Assert.Equal(HttpStatusCode.Redirect, anonymous.StatusCode);
            Assert.Contains("/account/sign-in", anonymous.Headers.Location!.OriginalString);
            Assert.Equal(HttpStatusCode.Forbidden, (await kit.GetAsync(url, someone)).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await kit.GetAsync(url, secretariat)).StatusCode);
        }
        foreach (var url in agendaUrls) Assert.Equal(HttpStatusCode.Forbidden, (await kit.GetAsync(url, coordinator)).StatusCode);
        foreach (var url in groupUrls) Assert.Equal(HttpStatusCode.OK, (await kit.GetAsync(url, coordinator)).StatusCode);

        // The links: on the agenda page for the secretariat, on the group page for those who edit it.
        Assert.NotNull((await kit.PageAsync($"/agendas/{Agenda}", secretariat)).QuerySelector($"a[href='{Page}']"));
        Assert.Null((await kit.PageAsync($"/agendas/{Agenda}", someone)).QuerySelector($"a[href='{Page}']"));
        Assert.NotNull((await kit.PageAsync($"/groups/{scenario.Complete}", coordinator)).QuerySelector($"a[href='{group}']"));
        Assert.Null((await kit.PageAsync($"/groups/{scenario.Complete}", someone)).QuerySelector($"a[href='{group}']"));
    }

    [Fact]
    public async Task A_group_coordinator_translates_the_groups_texts_and_the_groups_version_moves_on()
    {
        var scenario = await GroupScenario.SharedAsync(app.Database);
        var page = $"/groups/{scenario.Complete}/translations";
        var (coordinator, _) = await SignedIn.CoordinatorAsync(app, scenario.Complete);
        int version;
        await using (var db = app.Database.CreateContext()) version = await db.Groups.Where(g => g.Slug == scenario.Complete).Select(g => g.Version).SingleAsync();
        var file = await XliffAsync("fr", coordinator, page);
        Assert.StartsWith("group-", (string?)Assert.Single(file.Root!.Elements(X + "file")).Attribute("id"));
        var name = Units(file).Single(u => ((string)u.Attribute("id")!).EndsWith("-name", StringComparison.Ordinal));
        Assert.Equal("Group name", (string?)name.Attribute("name"));
        Translate(name, "Groupe ad hoc sur l’investissement public");
        var (response, report) = await ImportAsync(coordinator, "fr", "group-fr.xlf", Bytes(file), page);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(1, Count(report, "changed"));
        await using (var db = app.Database.CreateContext())
        {
            var g = await db.Groups.SingleAsync(x => x.Slug == scenario.Complete);
            Assert.Equal("Groupe ad hoc sur l’investissement public", g.Name.Fr);
            Assert.Equal(version + 1, g.Version);
        }
    }
}

public sealed class SqliteTranslationTests(SqliteApp app) : TranslationTests(app), IClassFixture<SqliteApp>;

public sealed class PostgresTranslationTests(PostgresApp app) : TranslationTests(app), IClassFixture<PostgresApp>;
