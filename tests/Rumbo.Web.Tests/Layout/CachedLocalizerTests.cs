using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;
using Rumbo.Web.Infrastructure;

namespace Rumbo.Web.Tests.Layout;

/// <summary>The strings kept after the first lookup are kept per language: a Spanish reader never gets an English copy.</summary>
public sealed class CachedLocalizerTests
{
    private static IStringLocalizer<SharedResource> Localizer()
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddLocalization(o => o.ResourcesPath = "Resources");
        services.AddSingleton(typeof(IStringLocalizer<>), typeof(CachedLocalizer<>));
        return services.BuildServiceProvider().GetRequiredService<IStringLocalizer<SharedResource>>();
    }

    private static T In<T>(string culture, Func<T> read)
    {
        var before = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(culture);
            return read();
        }
        finally
        {
            (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = before;
        }
    }

    [Fact]
    public void Each_language_reads_its_own_string_after_another_language_was_cached()
    {
        var t = Localizer();
        Assert.IsType<CachedLocalizer<SharedResource>>(t);
        Assert.Equal("Meetings", In("en", () => t["Meetings"].Value));
        Assert.Equal("Reuniones", In("es", () => t["Meetings"].Value));
        Assert.Equal("Meetings", In("en", () => t["Meetings"].Value));
        Assert.Equal("Reuniones", In("es", () => t["Meetings"].Value));
    }

    [Fact]
    public void A_missing_key_is_reported_as_not_found_and_arguments_are_formatted_in_the_culture()
    {
        var t = Localizer();
        var missing = In("es", () => t["No such key {0}"]);
        Assert.True(missing.ResourceNotFound);
        Assert.Equal("No such key 1,5", In("es", () => t["No such key {0}", 1.5m].Value));
        Assert.Equal("No such key 1.5", In("en", () => t["No such key {0}", 1.5m].Value));
    }
}
