using System.Globalization;
using Rumbo.Core.Documents;

namespace Rumbo.Web.Pages.Documents;

/// <summary>How files are named and sized on the pages.</summary>
public static class DocumentDisplay
{
    public static string Format(string mediaType) => FileTypes.FromMediaType(mediaType) is { } f ? FileTypes.Label(f) : mediaType;

    public static string Size(long bytes) => bytes switch
    {
        < 1024 => $"{bytes} B",
        < 1024 * 1024 => string.Create(CultureInfo.CurrentCulture, $"{bytes / 1024.0:0.#} KB"),
        _ => string.Create(CultureInfo.CurrentCulture, $"{bytes / (1024.0 * 1024):0.#} MB"),
    };
}
