using System.Globalization;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using NodaTime;
using Rumbo.Core.Meetings;
using Rumbo.Core.Validation;
using Rumbo.Web.Infrastructure;

namespace Rumbo.Web.Pages.Meetings;

/// <summary>The fields of a meeting as the new and edit forms send them.</summary>
public sealed class MeetingForm
{
    public MeetingKind Kind { get; set; }
    public TextInput Title { get; set; } = new();
    public OptionalTextInput Description { get; set; } = new();
    public MeetingFormat Format { get; set; }
    public DateOnly? Date { get; set; }
    public TimeOnly? Time { get; set; }
    public string? TimeZone { get; set; } = MeetingTimes.DefaultZone;
    public int? DurationMinutes { get; set; } = 90;
    public string? OnlineUrl { get; set; }
    public string? Place { get; set; }
    public string? City { get; set; }
    /// <summary>ISO alpha-2 code.</summary>
    public string? Country { get; set; }
    public Visibility Access { get; set; } = Visibility.Public;

    public static MeetingForm From(Meeting m, string? countryCode)
    {
        var local = MeetingTimes.Local(m.StartsAtUtc, m.TimeZone);
        return new MeetingForm
        {
            Kind = m.Kind, Title = TextInput.From(m.Title), Description = OptionalTextInput.From(m.Description), Format = m.Format,
            Date = new DateOnly(local.Year, local.Month, local.Day), Time = new TimeOnly(local.Hour, local.Minute),
            TimeZone = m.TimeZone, DurationMinutes = m.DurationMinutes, OnlineUrl = m.OnlineUrl, Place = m.Place, City = m.City,
            Country = countryCode, Access = m.Access,
        };
    }

    /// <summary>A title and a description with their translations (a meeting's, an agenda item's), messages keyed "Prefix.Field".</summary>
    public static void ValidateTexts(TextInput title, OptionalTextInput description, ModelStateDictionary state, string titleKey, string descriptionKey)
    {
        state.AddInputMessages(titleKey, title);
        state.AddInputMessages(descriptionKey, description);
    }

    public LocalDateTime? Local => Date is { } d && Time is { } t ? new LocalDateTime(d.Year, d.Month, d.Day, t.Hour, t.Minute) : null;

    /// <summary>
    /// Checks every field and puts a message by each bad one (keys "Form.Field"); binding errors, which only tampered or
    /// mistyped values cause, are replaced by messages in the interface's words.
    /// </summary>
    public void Validate(ModelStateDictionary state, ISet<string> countries, string prefix = "Form")
    {
        string K(string field) => $"{prefix}.{field}";
        var bad = new[] { "Kind", "Format", "Date", "Time", "DurationMinutes", "Access" }.Where(f => state.HasError(K(f))).ToHashSet();
        state.Clear();
        if (bad.Contains("Kind") || !Enum.IsDefined(Kind)) state.AddMessage(K("Kind"), "Choose a kind of meeting.");
        if (bad.Contains("Format") || !Enum.IsDefined(Format)) state.AddMessage(K("Format"), "Choose a format.");
        if (bad.Contains("Access") || !Enum.IsDefined(Access)) state.AddMessage(K("Access"), "Choose whether the meeting is open or closed.");

        ValidateTexts(Title, Description, state, K("Title"), K("Description"));

        if (bad.Contains("Date") || Date is null) state.AddMessage(K("Date"), "Enter a date as year, month and day.");
        else if (!DateBounds.Contains(Date.Value)) state.AddMessage(K("Date"), DateBounds.Outside);
        if (bad.Contains("Time") || Time is null) state.AddMessage(K("Time"), "Enter a time as hours and minutes.");
        var zone = MeetingTimes.Find(TimeZone?.Trim());
        if (zone is null) state.AddMessage(K("TimeZone"), "Choose a time zone from the list.");
        if (bad.Contains("DurationMinutes") || DurationMinutes is not (>= 5 and <= 10080))
            state.AddMessage(K("DurationMinutes"), "Enter a duration between 5 minutes and 7 days, in minutes.");

        OnlineUrl = Blank(OnlineUrl);
        Place = Blank(Place);
        City = Blank(City);
        Country = Blank(Country)?.ToUpperInvariant();
        if (OnlineUrl is not null && (OnlineUrl.Length > 500 || !Uri.TryCreate(OnlineUrl, UriKind.Absolute, out var uri) || uri.Scheme is not ("https" or "http")))
            state.AddMessage(K("OnlineUrl"), "Enter a full web address starting with https://.");
        else if (OnlineUrl is null && Format is MeetingFormat.Virtual or MeetingFormat.Hybrid)
            state.AddMessage(K("OnlineUrl"), "A virtual or hybrid meeting needs its online link.");
        if (Place is { Length: > 300 }) state.AddMessage(K("Place"), "The place is longer than 300 characters.");
        if (City is { Length: > 100 }) state.AddMessage(K("City"), "The city is longer than 100 characters.");
        if (Country is not null && !countries.Contains(Country)) state.AddMessage(K("Country"), "Choose a country from the list.");
    }

    /// <summary>
    /// The UTC start of a local date and time in the chosen zone; a time that the clocks skip there (the night daylight
    /// saving starts) is refused with the first valid time after it.
    /// </summary>
    public DateTime? StartUtc(ModelStateDictionary state, LocalDate date, string field = "Form.Time")
    {
        var zone = MeetingTimes.Find(TimeZone!.Trim())!;
        var local = date.At(new LocalTime(Time!.Value.Hour, Time.Value.Minute));
        var utc = MeetingTimes.ToUtc(local, zone, out var gap);
        if (utc is null)
        {
            state.AddMessage(field, "On {0} the clocks in {1} skip this time: it does not exist there. Choose another time, such as {2}.",
                date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), zone.Id, gap!.Value.TimeOfDay.ToString("HH:mm", CultureInfo.InvariantCulture));
        }
        return utc;
    }

    public static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}

public sealed record CountryChoice(string Code, string Name);

/// <summary>What the shared fields partial needs.</summary>
public sealed record MeetingFieldsModel(MeetingForm Form, string SourceLanguage, IReadOnlyList<CountryChoice> Countries);
