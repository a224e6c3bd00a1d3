using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json;
using AngleSharp.Html.Parser;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Rumbo.Core.Documents;
using Microsoft.EntityFrameworkCore;
using Rumbo.Core.Accounts;
using Rumbo.Core.Meetings;
using Rumbo.TestSupport;

namespace Rumbo.Web.Tests.Documents;

/// <summary>
/// The documents' repository on both databases: uploads checked from their content with nothing stored when refused,
/// phrases found inside PDF and Word files, members-only documents kept from everyone else, versions and deduplication.
/// </summary>
public abstract class DocumentTests(RumboApp app)
{
    private readonly DocumentTestClient t = new(app, app.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = false }));

    private static readonly HtmlParser Parser = new();

    private Task<GroupScenario> Scenario() => GroupScenario.SharedAsync(app.Database);

    private static string Tag() => "zq" + Guid.NewGuid().ToString("n")[..10];

    private async Task<AngleSharp.Html.Dom.IHtmlDocument> PageAsync(string url, string? cookie = null)
    {
        var response = await t.GetAsync(url, cookie);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return Parser.ParseDocument(await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_coordinator_uploads_a_pdf_that_anyone_finds_by_a_phrase_inside_ignoring_case_and_accents()
    {
        var s = await Scenario();
        var (cookie, _) = await SignedIn.CoordinatorAsync(app, s.Complete);
        var tag = Tag();
        var pdf = DocumentFiles.Pdf("Informe de avance", $"La planificación participativa {tag} del desarrollo regional");
        var fields = DocumentTestClient.Fields("Informe de avance 2025");
        fields["Lines"] = "2.4.1";
        fields["Symbol"] = "LC/MDS.4/3";
        var id = await t.UploadOkAsync(s.Complete, cookie, pdf, "Informe de avance.pdf", fields);

        // Found by a quoted phrase typed in capitals and without accents, by a reader who is not signed in.
        var results = await PageAsync($"/documents?q={Uri.EscapeDataString($"\"PLANIFICACION participativa {tag.ToUpperInvariant()}\"")}");
        var hit = results.QuerySelectorAll(".documents .document").Single();
        Assert.Equal($"/documents/{id}", hit.QuerySelector("a")!.GetAttribute("href"));
        Assert.Equal($"planificación participativa {tag}", string.Join(" ", hit.QuerySelectorAll(".excerpt mark").Select(m => m.TextContent)));
        // A phrase in another order is not that phrase.
        Assert.Empty((await PageAsync($"/documents?q={Uri.EscapeDataString($"\"participativa planificacion {tag}\"")}")).QuerySelectorAll(".documents .document"));

        var api = await t.Client.GetFromJsonAsync<JsonElement>($"/api/v1/documents?q={Uri.EscapeDataString($"\"planificacion participativa {tag}\"")}");
        Assert.Equal([id], api.EnumerateArray().Select(d => d.GetProperty("id").GetInt32()));
        Assert.Contains(api[0].GetProperty("excerpt").EnumerateArray(), x => x.GetProperty("match").GetBoolean());

        // The file comes back as it went in, with the type found in its content, as an attachment, never sniffed.
        var file = await t.GetAsync($"/documents/{id}/versions/1/file");
        Assert.Equal(HttpStatusCode.OK, file.StatusCode);
        Assert.Equal(pdf, await file.Content.ReadAsByteArrayAsync());
        Assert.Equal("application/pdf", file.Content.Headers.ContentType!.MediaType);
        Assert.Equal("attachment", file.Content.Headers.ContentDisposition!.DispositionType);
        Assert.Equal("Informe de avance.pdf", file.Content.Headers.ContentDisposition.FileNameStar ?? file.Content.Headers.ContentDisposition.FileName!.Trim('"'));
        Assert.Equal("nosniff", file.Headers.GetValues("X-Content-Type-Options").Single());

        // Stored under its hash, never under the name it was given.
        var hash = Convert.ToHexStringLower(SHA256.HashData(pdf));
        Assert.True(File.Exists(Path.Combine(t.StorageRoot, hash[..2], hash[2..4], hash)));
        Assert.Empty(Directory.GetFiles(t.StorageRoot, "*.pdf", SearchOption.AllDirectories));

        // The document page, the group page and the line page show it.
        var page = await PageAsync($"/documents/{id}");
        Assert.Equal("Informe de avance 2025", page.QuerySelector("h1")!.TextContent.Trim());
        Assert.Contains("LC/MDS.4/3", page.QuerySelector(".meta")!.TextContent);
        Assert.Equal(["2.4.1"], page.QuerySelectorAll(".lines .code").Select(c => c.TextContent));
        Assert.Contains((await PageAsync($"/groups/{s.Complete}")).QuerySelectorAll(".group-documents a"), a => a.GetAttribute("href") == $"/documents/{id}");
        var line = await PageAsync("/agendas/lc-crp-20-6/lines/2.4.1");
        Assert.Contains(line.QuerySelectorAll(".documents a"), a => a.GetAttribute("href") == $"/documents/{id}");
    }

    [Fact]
    public async Task A_docx_sent_through_the_api_is_found_by_a_phrase_inside()
    {
        var s = await Scenario();
        var (_, userId) = await SignedIn.CoordinatorAsync(app, s.Complete);
        var token = await t.TokenAsync(userId);
        var tag = Tag();
        var docx = DocumentFiles.Docx("Acta de la reunión", $"Se acordó fortalecer la Cooperación Sur-Sur {tag} en la región.");
        var fields = DocumentTestClient.ApiFields(s.Complete, "Acta de la reunión de octubre");
        fields["kind"] = "minutes";
        fields["lines"] = "2.4.1, 2.5.1";
        var response = await t.ApiUploadAsync(token, fields, docx, "acta.docx");
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var created = await response.Content.ReadFromJsonAsync<JsonElement>();
        var id = created.GetProperty("id").GetInt32();
        Assert.Equal($"/api/v1/documents/{id}", response.Headers.Location!.OriginalString);
        Assert.Equal("application/vnd.openxmlformats-officedocument.wordprocessingml.document", created.GetProperty("versions")[0].GetProperty("mediaType").GetString());
        Assert.True(created.GetProperty("versions")[0].GetProperty("textExtracted").GetBoolean());
        Assert.Equal(["2.4.1", "2.5.1"], created.GetProperty("lines").EnumerateArray().Select(l => l.GetProperty("code").GetString()));

        var results = await PageAsync($"/documents?q={Uri.EscapeDataString($"\"cooperacion sur-sur {tag}\"")}&kind=Minutes");
        Assert.Equal([$"/documents/{id}"], results.QuerySelectorAll(".documents .document-title a").Select(a => a.GetAttribute("href")));
        Assert.Empty((await PageAsync($"/documents?q={Uri.EscapeDataString(tag)}&kind=Study")).QuerySelectorAll(".documents .document"));
        var byLine = await t.Client.GetFromJsonAsync<JsonElement>($"/api/v1/documents?line=lc-crp-20-6:2.5.1&q={tag}");
        Assert.Equal([id], byLine.EnumerateArray().Select(d => d.GetProperty("id").GetInt32()));
    }

    public static IEnumerable<object[]> Hostile() =>
    [
        ["an HTML page with a script named report.pdf", DocumentFiles.HtmlWithScript(), "report.pdf", "is not a PDF, Word, Excel"],
        ["a program named minutes.docx", DocumentFiles.Exe(), "minutes.docx", "is not a PDF, Word, Excel"],
        ["an image named report.pdf", DocumentFiles.Png(), "report.pdf", "ends in .pdf, but its content is PNG"],
        ["a zip bomb that looks like a Word file", DocumentFiles.ZipBomb(), "report.docx", "compressed bomb"],
        ["a Word file whose entry inflates past the size it declares", DocumentFiles.LyingZipBomb(), "report.docx", "compressed bomb"],
        ["an old Word file", DocumentFiles.Ole(), "old.doc", "Old Office formats"],
        ["an empty file", Array.Empty<byte>(), "empty.pdf", "The file is empty."],
        ["a name that climbs out of the folder", DocumentFiles.Pdf("x"), "../../etc/passwd.pdf", "may not contain folders"],
        ["a name with a drive letter", DocumentFiles.Pdf("x"), "C:report.pdf", "may not contain folders"],
        ["a name with a control character", DocumentFiles.Pdf("x"), "report\t.pdf", "control or invisible characters"],
        ["a name that reads backwards", DocumentFiles.Pdf("x"), "invoice\u202Efdp.exe", "control or invisible characters"],
    ];

    [Fact]
    public async Task Hostile_uploads_are_refused_by_the_file_field_and_nothing_is_stored()
    {
        var s = await Scenario();
        var (cookie, _) = await SignedIn.CoordinatorAsync(app, s.Complete);
        foreach (var c in Hostile())
        {
            var (what, bytes, name, message) = ((string)c[0], (byte[])c[1], (string)c[2], (string)c[3]);
            var before = await t.StoredAsync();
            var response = await t.UploadAsync(s.Complete, cookie, bytes, name, DocumentTestClient.Fields($"Hostile {what}"));
            var page = Parser.ParseDocument(await response.Content.ReadAsStringAsync());
            Assert.True(response.StatusCode == HttpStatusCode.UnprocessableEntity, $"{what}: {(int)response.StatusCode}");
            Assert.Contains(message, page.QuerySelector("#File-error")?.TextContent ?? $"{what}: no message by the file field");
            Assert.Equal("true", page.QuerySelector("#File")!.GetAttribute("aria-invalid"));
            Assert.Equal(before, await t.StoredAsync());
        }

        // No file at all, and the messages in Spanish.
        var before2 = await t.StoredAsync();
        var none = await t.UploadAsync(s.Complete, cookie, null, "", DocumentTestClient.Fields("No file"), $"/groups/{s.Complete}/documents?culture=es");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, none.StatusCode);
        Assert.Equal("Elija un archivo para subir.", Parser.ParseDocument(await none.Content.ReadAsStringAsync()).QuerySelector("#File-error")!.TextContent.Trim());
        var html = await t.UploadAsync(s.Complete, cookie, DocumentFiles.HtmlWithScript(), "informe.pdf", DocumentTestClient.Fields("HTML"), $"/groups/{s.Complete}/documents?culture=es");
        Assert.StartsWith("El contenido de este archivo no es un PDF", Parser.ParseDocument(await html.Content.ReadAsStringAsync()).QuerySelector("#File-error")!.TextContent.Trim());
        Assert.Equal(before2, await t.StoredAsync());
    }

    [Fact]
    public async Task Oversized_files_are_refused_by_the_page_and_with_413_by_the_api()
    {
        var s = await Scenario();
        await using var small = app.WithWebHostBuilder(b => b.UseSetting("Rumbo:Documents:MaxUploadMegabytes", "1"));
        var client = new DocumentTestClient(app, small.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = false }));
        var (cookie, userId) = await SignedIn.CoordinatorAsync(app, s.Complete);
        var big = DocumentFiles.Pdf("Big").Concat(new byte[1024 * 1024 + 10]).ToArray();
        var before = await client.StoredAsync();
        var response = await client.UploadAsync(s.Complete, cookie, big, "big.pdf", DocumentTestClient.Fields("Too big"));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains("larger than 1 MB", Parser.ParseDocument(await response.Content.ReadAsStringAsync()).QuerySelector("#File-error")!.TextContent);

        var token = await client.TokenAsync(userId);
        before = await client.StoredAsync();
        var api = await client.ApiUploadAsync(token, DocumentTestClient.ApiFields(s.Complete, "Too big"), big, "big.pdf");
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, api.StatusCode);
        Assert.Equal("application/problem+json", api.Content.Headers.ContentType!.MediaType);
        Assert.Equal(before, await client.StoredAsync());
    }

    [Fact]
    public async Task The_api_refuses_with_the_status_that_fits_and_stores_nothing()
    {
        var s = await Scenario();
        var (coordinatorCookie, coordinator) = await SignedIn.CoordinatorAsync(app, s.Complete);
        var (_, member) = await t.MemberWithUserAsync(s.Complete);
        var token = await t.TokenAsync(coordinator);
        var memberToken = await t.TokenAsync(member);
        var pdf = DocumentFiles.Pdf("API");
        var before = await t.StoredAsync();

        Assert.Equal(HttpStatusCode.Unauthorized, (await t.ApiUploadAsync(null, DocumentTestClient.ApiFields(s.Complete, "x"), pdf, "a.pdf")).StatusCode);
        // A browser's cookie is no way in: the API takes tokens only, so no page can post to it for its user.
        Assert.Equal(HttpStatusCode.Unauthorized, (await t.ApiUploadAsync(null, DocumentTestClient.ApiFields(s.Complete, "x"), pdf, "a.pdf", coordinatorCookie)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await t.ApiUploadAsync(memberToken, DocumentTestClient.ApiFields(s.Complete, "x"), pdf, "a.pdf")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await t.ApiUploadAsync(token, DocumentTestClient.ApiFields(s.Lone, "x"), pdf, "a.pdf")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await t.ApiUploadAsync(token, DocumentTestClient.ApiFields("no-such-group", "x"), pdf, "a.pdf")).StatusCode);
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, (await t.ApiUploadAsync(token, DocumentTestClient.ApiFields(s.Complete, "x"), DocumentFiles.HtmlWithScript(), "report.pdf")).StatusCode);
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, (await t.ApiUploadAsync(token, DocumentTestClient.ApiFields(s.Complete, "x"), DocumentFiles.Png(), "report.pdf")).StatusCode);

        var bomb = await t.ApiUploadAsync(token, DocumentTestClient.ApiFields(s.Complete, "x"), DocumentFiles.ZipBomb(), "report.docx");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, bomb.StatusCode);
        Assert.Contains("compressed bomb", (await bomb.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").GetProperty("file")[0].GetString());
        var lying = await t.ApiUploadAsync(token, DocumentTestClient.ApiFields(s.Complete, "x"), DocumentFiles.LyingZipBomb(), "report.docx");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, lying.StatusCode);
        Assert.Contains("compressed bomb", (await lying.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").GetProperty("file")[0].GetString());
        var path = await t.ApiUploadAsync(token, DocumentTestClient.ApiFields(s.Complete, "x"), pdf, "../secret.pdf");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, path.StatusCode);

        var fields = DocumentTestClient.ApiFields(s.Complete, "");
        fields["kind"] = "poem";
        fields["lines"] = "9.9.9";
        var invalid = await t.ApiUploadAsync(token, fields, pdf, "a.pdf");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, invalid.StatusCode);
        var errors = (await invalid.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.Equal(["kind", "lines", "title"], errors.EnumerateObject().Select(e => e.Name).Order());
        Assert.Contains("9.9.9", errors.GetProperty("lines")[0].GetString());

        Assert.Equal(before.Documents, (await t.StoredAsync()).Documents);
        Assert.Equal(before.Files, (await t.StoredAsync()).Files);
        Assert.Equal(HttpStatusCode.BadRequest, (await t.GetAsync("/api/v1/documents?kind=poem")).StatusCode);
    }

    [Fact]
    public async Task Members_only_documents_are_invisible_to_the_public_the_api_and_other_groups_members()
    {
        var s = await Scenario();
        var (coordinator, _) = await SignedIn.CoordinatorAsync(app, s.Complete);
        var (member, memberUser) = await t.MemberWithUserAsync(s.Complete);
        var (outsider, outsiderUser) = await t.MemberWithUserAsync(s.Lone);
        var secretariat = await SignedIn.CookieAsync(app, Roles.SecretariatAdmin);
        var tag = Tag();
        var fields = DocumentTestClient.Fields($"Nota reservada {tag}", "Members");
        fields["Lines"] = "2.5.1";
        var id = await t.UploadOkAsync(s.Complete, coordinator, DocumentFiles.Pdf($"Texto confidencial {tag}"), "nota.pdf", fields);
        var q = Uri.EscapeDataString($"\"confidencial {tag}\"");

        // Pages and file: a signed-out reader is asked to sign in, another group's member finds nothing.
        foreach (var url in new[] { $"/documents/{id}", $"/documents/{id}/versions/1/file" })
        {
            var anonymous = await t.GetAsync(url);
            Assert.Equal(HttpStatusCode.Redirect, anonymous.StatusCode);
            Assert.Contains("/account/sign-in", anonymous.Headers.Location!.OriginalString);
            Assert.Equal(HttpStatusCode.NotFound, (await t.GetAsync(url, outsider)).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await t.GetAsync(url, member)).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await t.GetAsync(url, secretariat)).StatusCode);
        }
        var cache = (await t.GetAsync($"/documents/{id}/versions/1/file", member)).Headers.CacheControl!;
        Assert.True(cache.Private && cache.NoStore);

        // Search, repository, group page and line page.
        foreach (var (who, sees) in new[] { ((string?)null, false), (outsider, false), (member, true), (secretariat, true) })
        {
            var found = (await PageAsync($"/documents?q={q}", who)).QuerySelectorAll(".documents a").Any(a => a.GetAttribute("href") == $"/documents/{id}");
            Assert.Equal(sees, found);
            var repository = (await PageAsync($"/groups/{s.Complete}/documents", who)).QuerySelectorAll(".documents a").Any(a => a.GetAttribute("href") == $"/documents/{id}");
            Assert.Equal(sees, repository);
            var group = (await PageAsync($"/groups/{s.Complete}", who)).QuerySelectorAll(".group-documents a").Any(a => a.GetAttribute("href") == $"/documents/{id}");
            Assert.Equal(sees, group);
            var line = (await PageAsync("/agendas/lc-crp-20-6/lines/2.5.1", who)).QuerySelectorAll(".documents a").Any(a => a.GetAttribute("href") == $"/documents/{id}");
            Assert.Equal(sees, line);
        }

        // The API: without a token, with another group's member's token, with a member's.
        var outsiderToken = await t.TokenAsync(outsiderUser);
        var memberToken = await t.TokenAsync(memberUser);
        foreach (var (bearer, sees) in new[] { ((string?)null, false), (outsiderToken, false), (memberToken, true) })
        {
            Assert.Equal(sees ? HttpStatusCode.OK : HttpStatusCode.NotFound, (await t.GetAsync($"/api/v1/documents/{id}", bearer: bearer)).StatusCode);
            Assert.Equal(sees ? HttpStatusCode.OK : HttpStatusCode.NotFound, (await t.GetAsync($"/api/v1/documents/{id}/versions/1/file", bearer: bearer)).StatusCode);
            var list = await (await t.GetAsync($"/api/v1/documents?q={q}", bearer: bearer)).Content.ReadFromJsonAsync<JsonElement>();
            Assert.Equal(sees, list.EnumerateArray().Any(d => d.GetProperty("id").GetInt32() == id));
            var byGroup = await (await t.GetAsync($"/api/v1/documents?group={s.Complete}", bearer: bearer)).Content.ReadFromJsonAsync<JsonElement>();
            Assert.Equal(sees, byGroup.EnumerateArray().Any(d => d.GetProperty("id").GetInt32() == id));
        }

        // Made public, everyone sees it: the cached anonymous answers do not hide the change.
        var form = await t.OpenAsync($"/documents/{id}/edit", coordinator);
        var edit = DocumentTestClient.Fields($"Nota reservada {tag}", "Public");
        edit["Lines"] = "2.5.1";
        edit["Version"] = form.Page.QuerySelector("input[name=Version]")!.GetAttribute("value")!;
        edit["__RequestVerificationToken"] = form.Token;
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/documents/{id}/edit") { Content = new FormUrlEncodedContent(edit) };
        request.Headers.Add("Cookie", form.Cookies);
        Assert.Equal(HttpStatusCode.Redirect, (await t.Client.SendAsync(request)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await t.GetAsync($"/documents/{id}")).StatusCode);
        Assert.Contains((await PageAsync($"/documents?q={q}")).QuerySelectorAll(".documents a"), a => a.GetAttribute("href") == $"/documents/{id}");
    }

    [Fact]
    public async Task Members_and_outsiders_cannot_upload_and_nothing_is_stored()
    {
        var s = await Scenario();
        var member = await t.MemberAsync(s.Complete);
        var (otherCoordinator, _) = await SignedIn.CoordinatorAsync(app, s.Lone);
        var signedIn = await SignedIn.CookieAsync(app);
        var before = await t.StoredAsync();
        foreach (var cookie in new[] { member, otherCoordinator, signedIn })
        {
            var page = await PageAsync($"/groups/{s.Complete}/documents", cookie);
            Assert.Null(page.QuerySelector("input[type=file]"));
            var response = await t.UploadAsync(s.Complete, cookie, DocumentFiles.Pdf("Not mine"), "a.pdf", DocumentTestClient.Fields("Not mine"));
            Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        }
        Assert.Equal(before, await t.StoredAsync());
    }

    [Fact]
    public async Task A_new_version_replaces_the_searchable_text_and_earlier_files_stay()
    {
        var s = await Scenario();
        var (cookie, _) = await SignedIn.CoordinatorAsync(app, s.Complete);
        var (first, second) = (Tag(), Tag());
        var v1 = DocumentFiles.Pdf($"Borrador {first}");
        var id = await t.UploadOkAsync(s.Complete, cookie, v1, "borrador.pdf", DocumentTestClient.Fields("Estudio de caso"));

        var form = await t.OpenAsync($"/documents/{id}/edit", cookie);
        var version = form.Page.QuerySelector("input[name=Version]")!.GetAttribute("value")!;
        var v2 = DocumentFiles.Docx($"Versión final {second}");
        var response = await t.UploadAsync(s.Complete, cookie, v2, "final.docx",
            new() { ["Version"] = version, ["Note"] = "Versión final revisada" }, $"/documents/{id}/edit?handler=Version");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);

        Assert.Contains((await PageAsync($"/documents?q={second}")).QuerySelectorAll(".documents a"), a => a.GetAttribute("href") == $"/documents/{id}");
        Assert.DoesNotContain((await PageAsync($"/documents?q={first}")).QuerySelectorAll(".documents a"), a => a.GetAttribute("href") == $"/documents/{id}");
        var page = await PageAsync($"/documents/{id}");
        var rows = page.QuerySelectorAll("table.versions tbody tr").Select(r => r.QuerySelectorAll("td").Select(c => c.TextContent.Trim()).ToList()).ToList();
        Assert.Equal(["2", "1"], rows.Select(r => r[0]));
        Assert.Equal("final.docx", rows[0][2]);
        Assert.Equal("Word (DOCX)", rows[0][3]);
        Assert.Equal("Versión final revisada", rows[0][6]);
        Assert.Equal($"/documents/{id}/versions/2/file", page.QuerySelector(".download a")!.GetAttribute("href"));
        Assert.Equal(v1, await (await t.GetAsync($"/documents/{id}/versions/1/file")).Content.ReadAsByteArrayAsync());
        Assert.Equal(v2, await (await t.GetAsync($"/documents/{id}/versions/2/file")).Content.ReadAsByteArrayAsync());

        // The form read before the new version is stale now: 409, and nothing more stored.
        var before = await t.StoredAsync();
        var stale = await t.UploadAsync(s.Complete, cookie, DocumentFiles.Pdf("Stale"), "stale.pdf", new() { ["Version"] = version }, $"/documents/{id}/edit?handler=Version");
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.Equal(before, await t.StoredAsync());
    }

    [Fact]
    public async Task The_same_content_is_stored_once()
    {
        var s = await Scenario();
        var (cookie, _) = await SignedIn.CoordinatorAsync(app, s.Complete);
        var bytes = DocumentFiles.Pdf($"Mismo contenido {Tag()}");
        var before = await t.StoredAsync();
        var a = await t.UploadOkAsync(s.Complete, cookie, bytes, "uno.pdf", DocumentTestClient.Fields("Uno"));
        var b = await t.UploadOkAsync(s.Complete, cookie, bytes, "dos.pdf", DocumentTestClient.Fields("Dos"));
        Assert.NotEqual(a, b);
        var after = await t.StoredAsync();
        Assert.Equal(before.Documents + 2, after.Documents);
        Assert.Equal(before.Files + 1, after.Files);
        await using var db = app.Database.CreateContext();
        var hashes = await db.DocumentVersions.Where(v => v.DocumentId == a || v.DocumentId == b).Select(v => v.ContentHash).Distinct().ToListAsync();
        Assert.Single(hashes);
    }

    [Fact]
    public async Task Metadata_edits_answer_422_by_the_field_and_409_when_stale()
    {
        var s = await Scenario();
        var (cookie, _) = await SignedIn.CoordinatorAsync(app, s.Complete);
        var id = await t.UploadOkAsync(s.Complete, cookie, DocumentFiles.Pdf("Metadatos"), "m.pdf", DocumentTestClient.Fields("Título original"));
        var form = await t.OpenAsync($"/documents/{id}/edit", cookie);
        var version = form.Page.QuerySelector("input[name=Version]")!.GetAttribute("value")!;

        async Task<HttpResponseMessage> Post(Dictionary<string, string> fields)
        {
            fields["__RequestVerificationToken"] = form.Token;
            using var request = new HttpRequestMessage(HttpMethod.Post, $"/documents/{id}/edit") { Content = new FormUrlEncodedContent(fields) };
            request.Headers.Add("Cookie", form.Cookies);
            return await t.Client.SendAsync(request);
        }

        var before = await t.StoredAsync();
        var bad = DocumentTestClient.Fields(" ");
        bad["Version"] = version;
        bad["Lines"] = "2.4.1, 9.9.9";
        bad["Date"] = "31/03/2025";
        bad["MeetingId"] = "999999";
        var invalid = await Post(bad);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, invalid.StatusCode);
        var page = Parser.ParseDocument(await invalid.Content.ReadAsStringAsync());
        Assert.Equal("Enter the document's title.", page.QuerySelector("#Title-error")!.TextContent.Trim());
        Assert.Equal("Not a line of action of the group's agenda: 9.9.9.", page.QuerySelector("#Lines-error")!.TextContent.Trim());
        Assert.Equal("Enter a date as year, month and day.", page.QuerySelector("#Date-error")!.TextContent.Trim());
        Assert.Equal("Choose one of the group's meetings.", page.QuerySelector("#MeetingId-error")!.TextContent.Trim());
        Assert.Equal(before, await t.StoredAsync());

        var good = DocumentTestClient.Fields("Título corregido");
        good["Version"] = version;
        Assert.Equal(HttpStatusCode.Redirect, (await Post(good)).StatusCode);
        var stale = DocumentTestClient.Fields("Título de otra persona");
        stale["Version"] = version;
        var conflict = await Post(stale);
        Assert.Equal(HttpStatusCode.Conflict, conflict.StatusCode);
        Assert.Equal("Título de otra persona", Parser.ParseDocument(await conflict.Content.ReadAsStringAsync()).QuerySelector("#Title")!.GetAttribute("value"));
        await using var db = app.Database.CreateContext();
        Assert.Equal("Título corregido", (await db.Documents.SingleAsync(d => d.Id == id)).Title);
        Assert.Equal(Visibility.Public, (await db.Documents.SingleAsync(d => d.Id == id)).Visibility);
    }

    [Fact]
    public void Uploads_take_the_configured_size_and_files_live_in_the_data_directory()
    {
        var options = app.Services.GetRequiredService<DocumentsOptions>();
        Assert.Equal(25, options.MaxUploadMegabytes);
        var endpoints = app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>().ToList();
        // The API's post carries the limit as endpoint metadata; its reads keep the server's.
        var posts = endpoints.Where(e => e.RoutePattern.RawText == "/api/v1/documents" && e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods.Contains("POST") == true).ToList();
        Assert.Equal(options.MaxRequestBytes, Assert.Single(posts).Metadata.GetMetadata<IRequestSizeLimitMetadata>()?.MaxRequestBodySize);
        Assert.All(endpoints.Where(e => e.RoutePattern.RawText == "/api/v1/documents" && e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods.Contains("GET") == true),
            e => Assert.Null(e.Metadata.GetMetadata<IRequestSizeLimitMetadata>()));

        // The pages' posts get it from the first middleware; nothing else does.
        foreach (var (method, path, applies) in new[]
        {
            ("POST", "/groups/some-group/documents", true), ("POST", "/documents/12/edit", true), ("GET", "/groups/some-group/documents", false),
            ("POST", "/groups/some-group/edit", false), ("POST", "/documents/x/edit", false), ("POST", "/account/sign-in", false),
        })
        {
            var context = new DefaultHttpContext();
            context.Request.Method = method;
            context.Request.Path = path;
            var size = new BodySize();
            context.Features.Set<IHttpMaxRequestBodySizeFeature>(size);
            DocumentUploadLimits.Apply(context, options);
            Assert.Equal(applies ? options.MaxRequestBytes : BodySize.ServerDefault, size.MaxRequestBodySize);
        }
        var store = Assert.IsType<FileSystemFileStore>(app.Services.GetRequiredService<IFileStore>());
        Assert.Equal(Path.Combine(app.Database.Directory, "files"), store.Root);
    }

    [Fact]
    public async Task The_repository_filters_by_kind_language_and_year()
    {
        var s = await GroupScenario.CreateAsync(app.Database);
        var (cookie, _) = await SignedIn.CoordinatorAsync(app, s.Complete);
        var report = DocumentTestClient.Fields("Informe 2024");
        report["Date"] = "2024-05-01";
        var minutes = DocumentTestClient.Fields("Minutes 2025");
        (minutes["Kind"], minutes["Language"]) = ("Minutes", "en");
        await t.UploadOkAsync(s.Complete, cookie, DocumentFiles.Pdf("a"), "a.pdf", report);
        await t.UploadOkAsync(s.Complete, cookie, DocumentFiles.Pdf("b"), "b.pdf", minutes);

        async Task<List<string>> Titles(string query) =>
            (await PageAsync($"/groups/{s.Complete}/documents{query}")).QuerySelectorAll(".documents .document-title a").Select(a => a.TextContent.Trim()).ToList();
        Assert.Equal(["Minutes 2025", "Informe 2024"], await Titles(""));
        Assert.Equal(["Minutes 2025"], await Titles("?kind=Minutes"));
        Assert.Equal(["Informe 2024"], await Titles("?language=es"));
        Assert.Equal(["Informe 2024"], await Titles("?year=2024"));
        Assert.Empty(await Titles("?year=2024&kind=Minutes"));
    }
}

internal sealed class BodySize : Microsoft.AspNetCore.Http.Features.IHttpMaxRequestBodySizeFeature
{
    public const long ServerDefault = 30_000_000;

    public bool IsReadOnly => false;

    public long? MaxRequestBodySize { get; set; } = ServerDefault;
}

public sealed class SqliteDocumentTests(SqliteApp app) : DocumentTests(app), IClassFixture<SqliteApp>;

public sealed class PostgresDocumentTests(PostgresApp app) : DocumentTests(app), IClassFixture<PostgresApp>;
