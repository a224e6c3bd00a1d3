using Rumbo.Core.Localization;
using System.Globalization;
using Microsoft.Extensions.Localization;
using Rumbo.Core.Meetings;
using L = Microsoft.Extensions.Localization.LocalizedString;

namespace Rumbo.Core.Calendars;

/// <summary>
/// The words calendars and meeting mails use, in the current interface language. They come from the site's shared
/// interface strings (the web project's Resources/SharedResource, filled from tools/strings/calendars.json), which
/// this project cannot name as a type; without them (the command line, the core tests) the English keys are used.
/// </summary>
public sealed class CalendarTexts(IStringLocalizer localizer)
{
    /// <summary>Base name and assembly of the site's shared interface strings.</summary>
    public const string ResourceBaseName = "SharedResource";
    public const string ResourceAssembly = "Rumbo.Web";

    public static readonly CalendarTexts English = new(new KeysLocalizer());

    public static CalendarTexts From(IStringLocalizerFactory? factory)
    {
        if (factory is null) return English;
        try
        {
            return new CalendarTexts(factory.Create(ResourceBaseName, ResourceAssembly));
        }
        catch (FileNotFoundException)
        {
            return English;
        }
    }

    /// <summary>The current interface language, one of those Rumbo speaks.</summary>
    public static string Language => InterfaceLanguages.Current;

    public string this[string key] => localizer[key].Value;

    public string this[string key, params object[] args] => localizer[key, args].Value;

    public string ClosedMeeting => this["Closed meeting: its details are for the group's members and the people invited."];

    public string MeetingPage => this["Meeting page"];

    public string OnlineLink => this["Online link"];

    public string Kind(MeetingKind kind) => this[$"ics:{kind}"];

    /// <summary>The English text of a key when no translation is at hand.</summary>
    private sealed class KeysLocalizer : IStringLocalizer
    {
        private static readonly Dictionary<string, string> Names = new()
        {
            ["ics:WorkingMeeting"] = "Working meeting",
            ["ics:ThematicSeminar"] = "Thematic seminar",
            ["ics:ExpertWorkshop"] = "Expert workshop",
            ["ics:VirtualVisit"] = "Virtual visit",
            ["ics:IntersectoralMeeting"] = "Intersectoral meeting",
            ["ics:Session"] = "Session",
            ["ics:MultiStakeholderDialogue"] = "Multi-stakeholder dialogue",
        };

        public L this[string name] => new(name, Names.GetValueOrDefault(name, name), resourceNotFound: !Names.ContainsKey(name));

        public L this[string name, params object[] arguments] =>
            new(name, string.Format(CultureInfo.CurrentCulture, Names.GetValueOrDefault(name, name), arguments), resourceNotFound: !Names.ContainsKey(name));

        public IEnumerable<L> GetAllStrings(bool includeParentCultures) => [];
    }
}
