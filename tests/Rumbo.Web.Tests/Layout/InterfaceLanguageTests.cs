using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;
using Rumbo.Core.Localization;
using Rumbo.TestSupport;

namespace Rumbo.Web.Tests.Layout;

/// <summary>
/// Every interface string in every language Rumbo offers, none left in English by oversight, and pages that write
/// dates and numbers the way their reader's language does.
/// </summary>
public abstract partial class InterfaceLanguageTests(RumboApp app)
{
    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Rumbo.slnx"))) return dir.FullName;
        throw new InvalidOperationException("The tests run outside the repository.");
    }

    private Dictionary<string, string> Strings(string culture)
    {
        var localizer = app.Services.GetRequiredService<IStringLocalizer<SharedResource>>();
        var before = CultureInfo.CurrentUICulture;
        try
        {
            CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(culture);
            return localizer.GetAllStrings(includeParentCultures: false).ToDictionary(s => s.Name, s => s.Value, StringComparer.Ordinal);
        }
        finally
        {
            CultureInfo.CurrentUICulture = before;
        }
    }

    [Fact]
    public void Every_key_is_in_every_language_and_none_is_left_in_English_unless_it_is_the_same_word()
    {
        var spanish = Strings("es");
        Assert.True(spanish.Count > 1000, $"only {spanish.Count} Spanish strings were found");
        // English words a key stands for: the key itself, or the English resource's text where it has one.
        var english = Strings("en");
        string English(string key) => english.TryGetValue(key, out var text) ? text : key;
        // The words that are the same in a language as in English (API, Total, Chile…) are listed where they are translated.
        var root = RepositoryRoot();
        // Each strings file may list such words, for the languages it translates, as tools/resx.py reads them.
        var same = new HashSet<(string, string)>();
        foreach (var path in Directory.GetFiles(Path.Combine(root, "tools", "strings"), "*.json"))
        {
            using var part = JsonDocument.Parse(File.ReadAllText(path));
            if (!part.RootElement.TryGetProperty("same-as-english", out var words)) continue;
            foreach (var lang in new[] { "pt", "fr" }.Where(l => part.RootElement.TryGetProperty(l, out _)))
                foreach (var word in words.EnumerateArray()) same.Add((lang, word.GetString()!));
        }
        foreach (var culture in new[] { "pt", "fr" })
        {
            var strings = Strings(culture);
            var missing = spanish.Keys.Where(k => !strings.ContainsKey(k) || string.IsNullOrWhiteSpace(strings[k])).ToList();
            Assert.True(missing.Count == 0, $"{missing.Count} keys have no {culture}: " + string.Join(" | ", missing.Take(20)));
            var extra = strings.Keys.Where(k => !spanish.ContainsKey(k)).ToList();
            Assert.True(extra.Count == 0, $"{culture} has keys Spanish has not: " + string.Join(" | ", extra.Take(20)));
            var english_ = strings.Where(s => s.Value == English(s.Key) && !same.Contains((culture, s.Key))).Select(s => s.Key).ToList();
            Assert.True(english_.Count == 0, $"{english_.Count} {culture} strings are still English: " + string.Join(" | ", english_.Take(20)));
            // The placeholders of a translation are the English text's: a lost {0} would drop a name from a sentence.
            var placeholders = strings.Where(s => !Placeholders(s.Value).SetEquals(Placeholders(English(s.Key)))).Select(s => s.Key).ToList();
            Assert.True(placeholders.Count == 0, $"{culture} strings whose placeholders differ: " + string.Join(" | ", placeholders.Take(20)));
        }
    }

    private static HashSet<string> Placeholders(string text) => Placeholder().Matches(text).Select(m => m.Value).ToHashSet(StringComparer.Ordinal);

    [GeneratedRegex(@"\{\d+(:[^}]*)?\}")]
    private static partial Regex Placeholder();

    [Theory]
    [InlineData("pt-BR", "pt", "Reuniões", @"\d{1,2} de (janeiro|fevereiro|março|abril|maio|junho|julho|agosto|setembro|outubro|novembro|dezembro) de 20\d\d")]
    [InlineData("fr-HT", "fr", "Réunions", @"\d{1,2} (janvier|février|mars|avril|mai|juin|juillet|août|septembre|octobre|novembre|décembre) 20\d\d")]
    [InlineData("es-CL", "es", "Reuniones", @"\d{1,2} de (enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|octubre|noviembre|diciembre) de 20\d\d")]
    public async Task A_reader_whose_browser_asks_for_a_regional_variant_reads_the_language_with_its_dates(string asked, string lang, string meetings, string date)
    {
        var client = app.CreateClient();
        var page = await client.GetPageAsync("/meetings?period=all", asked);
        Assert.Equal(lang, page.DocumentElement.GetAttribute("lang"));
        Assert.Equal(meetings, page.QuerySelector(".main-nav a[href='/meetings']")!.TextContent.Trim());
        var first = page.QuerySelectorAll("main a[href^='/meetings/']").Select(a => a.GetAttribute("href")!).First(h => Regex.IsMatch(h, @"^/meetings/\d+$"));
        var meeting = await client.GetPageAsync(first, asked);
        Assert.Matches(date, meeting.QuerySelector("main time")!.TextContent);
        Assert.Equal("true", page.QuerySelector($".lang-switch a[lang={lang}]")!.GetAttribute("aria-current"));
        Assert.Equal(InterfaceLanguages.All, page.QuerySelectorAll(".lang-switch a").Select(a => a.GetAttribute("lang")));
    }

    [Fact]
    public async Task The_language_switch_offers_the_four_languages_and_keeps_the_choice()
    {
        var client = app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var switched = await client.GetAsync("/culture?lang=fr&returnUrl=%2Fgroups");
        Assert.Equal("/groups", switched.Headers.Location?.OriginalString);
        var page = await client.GetPageAsync("/groups", "es");
        Assert.Equal("fr", page.DocumentElement.GetAttribute("lang"));
        Assert.Equal("Groupes", page.QuerySelector(".main-nav a[href='/groups']")!.TextContent.Trim());
        Assert.Equal(["English", "Español", "Português", "Français"], page.QuerySelectorAll(".lang-switch a").Select(a => a.TextContent.Trim()));
        Assert.Equal(System.Net.HttpStatusCode.BadRequest, (await client.GetAsync("/culture?lang=de&returnUrl=%2F")).StatusCode);
    }

    [Theory]
    [InlineData("en", "2018 44.5")]
    [InlineData("es", "2018 44,5")]
    [InlineData("pt", "2018 44,5")]
    [InlineData("fr", "2018 44,5")]
    public async Task Numbers_are_written_as_the_readers_language_writes_them(string lang, string line)
    {
        var page = await app.CreateClient().GetPageAsync("/indicators/methods", lang);
        Assert.Contains(line, page.QuerySelector("textarea#Observations")!.TextContent.Split('\n').Select(l => l.Trim()));
    }
}

public sealed class SqliteInterfaceLanguageTests(SqliteApp app) : InterfaceLanguageTests(app), IClassFixture<SqliteApp>;

public sealed class PostgresInterfaceLanguageTests(PostgresApp app) : InterfaceLanguageTests(app), IClassFixture<PostgresApp>;
