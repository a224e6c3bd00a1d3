using System.Globalization;
using System.IO.Compression;
using System.Net;
using System.Text;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using Rumbo.Core.Exports;
using Rumbo.Core.Indicators;
using Rumbo.TestSupport;
using Rumbo.Web.Tests.Documents;
using Rumbo.Web.Tests.Records;

namespace Rumbo.Web.Tests.Indicators;

/// <summary>
/// What the reporting tests share: a country's reporting page and its forms as a browser posts them, the template as
/// downloaded and read back, and files built from it.
/// </summary>
public sealed class ReportingClient(RumboApp app)
{
    public RecordsTestKit Kit { get; } = new(app);

    public HttpClient Client => Kit.Client;

    public static string Page(string country) => $"/agendas/{IndicatorScenario.Agenda}/reporting/{country.ToLowerInvariant()}";

    /// <summary>A cookie for a new account linked to a new focal point of the country.</summary>
    public async Task<(string Cookie, int PersonId)> FocalPointAsync(string country)
    {
        var person = await IndicatorScenario.FocalPointAsync(app.Database, country);
        return (await SignedIn.CookieAsync(app, personId: person), person);
    }

    public Task<RecordsTestKit.Form> OpenAsync(string country, string cookie) => Kit.OpenAsync(Page(country), cookie);

    /// <summary>The page's lines of the form: the row's index (its fields are Rows[index].…) by indicator, year and breakdown.</summary>
    public static int RowIndex(IHtmlDocument page, string indicator, int year, string breakdown = "")
    {
        var row = page.QuerySelectorAll("table.report tbody tr")
            .Single(r => r.GetAttribute("data-indicator") == indicator && r.GetAttribute("data-year") == year.ToString(CultureInfo.InvariantCulture)
                && r.GetAttribute("data-breakdown") == breakdown);
        return int.Parse(row.GetAttribute("data-row")!, CultureInfo.InvariantCulture) - 1;
    }

    /// <summary>
    /// The save form's fields as served (inputs only: the buttons say whether to submit), with the changes. The page's
    /// antiforgery token is posted with them by <see cref="RecordsTestKit.PostAsync(string, RecordsTestKit.Form, (string Name, string Value)[])"/>;
    /// whether each form carries one of its own is tried apart.
    /// </summary>
    public static List<(string Name, string Value)> SaveFields(IHtmlDocument page, params (string Name, string Value)[] changes)
    {
        var form = page.QuerySelectorAll("form[method=post]").Single(f => (f.GetAttribute("action") ?? "").EndsWith("/save", StringComparison.Ordinal));
        var fields = form.QuerySelectorAll("input[name]").OfType<IHtmlInputElement>()
            .Where(i => i.Name != "__RequestVerificationToken").Select(i => (i.Name!, i.Value)).ToList();
        return RecordsTestKit.With(fields, changes);
    }

    /// <summary>One line of the form: an indicator, a year and a breakdown with what is entered for it.</summary>
    public sealed record Line(string Indicator, int Year, string Value, string Source = "", string Notes = "", string Evidence = "", string Breakdown = "");

    /// <summary>
    /// Posts some lines of the form alone to save (and submit, when asked), with the page's antiforgery token, numbered
    /// from 0 as the form numbers its lines. A total's breakdown is left out (the line's default): posted empty, as a
    /// browser sends the whole form, it does not bind (see <see cref="SaveAsync"/>).
    /// </summary>
    public Task<(HttpResponseMessage Response, IHtmlDocument Page)> SaveLinesAsync(string country, string cookie, bool submit, params Line[] lines) =>
        PostAsync(country, cookie, "save",
        [
            .. lines.SelectMany((l, i) => new[]
            {
                ($"Rows[{i}].Indicator", l.Indicator), ($"Rows[{i}].Year", l.Year.ToString(CultureInfo.InvariantCulture)), ($"Rows[{i}].Value", l.Value),
                ($"Rows[{i}].Source", l.Source), ($"Rows[{i}].Notes", l.Notes), ($"Rows[{i}].Evidence", l.Evidence),
            }.Concat(l.Breakdown.Length == 0 ? Array.Empty<(string, string)>() : new[] { ($"Rows[{i}].Breakdown", l.Breakdown) })),
            ("submit", submit ? "true" : "false"),
        ]);

    /// <summary>The whole save form as a browser posts it (every line, as served, with the changes).</summary>
    public async Task<(HttpResponseMessage Response, IHtmlDocument Page)> SaveAsync(string country, string cookie, bool submit, params (string Name, string Value)[] changes)
    {
        var form = await OpenAsync(country, cookie);
        var fields = SaveFields(form.Page, changes);
        fields.Add(("submit", submit ? "true" : "false"));
        return await Read(await Kit.PostAsync($"{Page(country)}/save", form, fields));
    }

    public async Task<(HttpResponseMessage Response, IHtmlDocument Page)> PostAsync(string country, string cookie, string handler, params (string Name, string Value)[] fields)
    {
        var form = await OpenAsync(country, cookie);
        return await Read(await Kit.PostAsync($"{Page(country)}/{handler}", form, fields));
    }

    public Task<(HttpResponseMessage Response, IHtmlDocument Page)> ReviewAsync(string country, string cookie, IndicatorScenario.StoredRow value, string action, string reason) =>
        PostAsync(country, cookie, "review", ("valueId", value.Id.ToString(CultureInfo.InvariantCulture)),
            ("version", value.Version.ToString(CultureInfo.InvariantCulture)), ("action", action), ("reason", reason));

    /// <summary>Posts the filled template to the upload form, as the page's form sends it (multipart, with the antiforgery token).</summary>
    public async Task<(HttpResponseMessage Response, IHtmlDocument Page)> UploadAsync(string country, string cookie, string fileName, byte[] content)
    {
        var form = await OpenAsync(country, cookie);
        using var request = new HttpRequestMessage(HttpMethod.Post, $"{Page(country)}/upload")
        {
            Content = DocumentTestClient.Multipart([new("__RequestVerificationToken", form.Token)], ("file", fileName, content)),
        };
        request.Headers.Add("Cookie", form.Cookies);
        return await Read(await Client.SendAsync(request));
    }

    /// <summary>Posts the evidence form as the page sends it (multipart, with the antiforgery token): a file for a value, or its removal.</summary>
    public async Task<(HttpResponseMessage Response, IHtmlDocument Page)> EvidenceAsync(string country, string cookie, string value, (string Name, byte[] Content)? file,
        bool remove = false)
    {
        var form = await OpenAsync(country, cookie);
        List<KeyValuePair<string, string>> fields = [new("__RequestVerificationToken", form.Token), new("value", value)];
        if (remove) fields.Add(new("remove", "true"));
        using var request = new HttpRequestMessage(HttpMethod.Post, $"{Page(country)}/evidence")
        {
            Content = DocumentTestClient.Multipart(fields, file is { } f ? ("evidence", f.Name, f.Content) : null),
        };
        request.Headers.Add("Cookie", form.Cookies);
        return await Read(await Client.SendAsync(request));
    }

    /// <summary>A table as the template holds it: the header, then the rows (cells null when empty).</summary>
    public sealed record Table(List<string> Header, List<string?[]> Rows)
    {
        public int Column(string name) => Header.IndexOf(name);

        public string? Cell(string?[] row, string column) => row[Column(column)];

        /// <summary>The row of an indicator, year and breakdown (the total when none is given).</summary>
        public string?[] Row(string indicator, int year, string breakdown = "")
        {
            var pairs = Disaggregations.Read(breakdown);
            return Rows.Single(r => Cell(r, ReportingCheck.IndicatorColumn) == indicator && Cell(r, ReportingCheck.YearColumn) == year.ToString(CultureInfo.InvariantCulture)
                && Disaggregations.All.All(d => Cell(r, d.Code) == pairs.GetValueOrDefault(d.Code)));
        }

        /// <summary>The spreadsheet row number of a row: the header is row 1.</summary>
        public int Number(string?[] row) => Rows.IndexOf(row) + 2;

        public void Set(string?[] row, string column, string? value) => row[Column(column)] = value;

        public Table Copy() => new([.. Header], Rows.Select(r => (string?[])r.Clone()).ToList());

        public byte[] ToCsv() => TableExport.ToCsv(Header, Rows);

        public byte[] ToXlsx() => TableExport.ToXlsx(ReportingTemplate.SheetName, Header, Rows);
    }

    /// <summary>Downloads the country's template and reads it back with the site's own reader.</summary>
    public async Task<(HttpResponseMessage Response, Table Table)> TemplateAsync(string country, string cookie, string format = "csv")
    {
        var response = await Kit.GetAsync($"{Page(country)}/template.{format}", cookie);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        var (reader, problem) = TableImport.Open(new MemoryStream(bytes), ReportingTemplate.SheetName);
        Assert.True(reader is not null, problem);
        using (reader)
        {
            var header = reader.Header.ToList();
            var rows = reader.Rows.Select(r => Enumerable.Range(0, header.Count).Select(i => i < r.Cells.Count ? r.Cells[i] : null).ToArray()).ToList();
            return (response, new Table(header, rows));
        }
    }

    /// <summary>The problems the page lists for an uploaded file: row, column and message.</summary>
    public static List<(int Row, string Column, string Message)> Problems(IHtmlDocument page) =>
        page.QuerySelectorAll("table.problems tbody tr").Select(tr =>
        {
            var cells = tr.QuerySelectorAll("td").Select(td => td.TextContent.Trim()).ToList();
            return (int.Parse(cells[0], CultureInfo.InvariantCulture), cells[1], cells[2]);
        }).ToList();

    /// <summary>A body's text; a zip (an XLSX, a package of files) is read as the text of all its entries.</summary>
    public static async Task<string> TextAsync(HttpResponseMessage response)
    {
        var bytes = await response.Content.ReadAsByteArrayAsync();
        if (bytes.Length < 4 || bytes[0] != (byte)'P' || bytes[1] != (byte)'K') return Encoding.UTF8.GetString(bytes);
        var text = new StringBuilder();
        using var zip = new ZipArchive(new MemoryStream(bytes), ZipArchiveMode.Read);
        foreach (var entry in zip.Entries)
        {
            using var reader = new StreamReader(entry.Open(), Encoding.UTF8);
            text.Append(await reader.ReadToEndAsync()).Append('\n');
        }
        return text.ToString();
    }

    public static string Number(double value, string format = "R") => value.ToString(format, CultureInfo.InvariantCulture);

    private static async Task<(HttpResponseMessage, IHtmlDocument)> Read(HttpResponseMessage response) =>
        (response, new HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync()));
}
