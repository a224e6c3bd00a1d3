using System.Collections.Concurrent;
using System.Globalization;
using Microsoft.Extensions.Localization;

namespace Rumbo.Web.Infrastructure;

/// <summary>
/// The interface strings, looked up once per language and key. <see cref="ResourceManagerStringLocalizer"/> goes through
/// <see cref="System.Resources.ResourceManager"/> on every call, which takes a process-wide lock; a page asks for a
/// hundred strings, and under load the request threads queue on that lock (seen in a profile of a group's page at 32
/// connections). The resources are compiled into the application and never change while it runs, so what was found
/// once is kept; the fallback from a missing translation to English is the resource manager's, unchanged.
/// </summary>
public sealed class CachedLocalizer<T> : IStringLocalizer<T>
{
    private readonly IStringLocalizer inner;
    private readonly ConcurrentDictionary<(string Culture, string Name), LocalizedString> found = new();

    public CachedLocalizer(IStringLocalizerFactory factory) => inner = factory.Create(typeof(T));

    public LocalizedString this[string name]
    {
        get
        {
            ArgumentNullException.ThrowIfNull(name);
            return found.GetOrAdd((CultureInfo.CurrentUICulture.Name, name), static (key, localizer) => localizer[key.Name], inner);
        }
    }

    public LocalizedString this[string name, params object[] arguments]
    {
        get
        {
            var format = this[name];
            var value = string.Format(CultureInfo.CurrentCulture, format.Value, arguments);
            return new LocalizedString(name, value, format.ResourceNotFound, format.SearchedLocation);
        }
    }

    public IEnumerable<LocalizedString> GetAllStrings(bool includeParentCultures) => inner.GetAllStrings(includeParentCultures);
}
