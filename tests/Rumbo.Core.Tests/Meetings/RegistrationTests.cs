using Rumbo.Core.Meetings;

namespace Rumbo.Core.Tests.Meetings;

/// <summary>
/// The participation workflow on its entity, as the meeting page (a person's own answer) and the participants page
/// (invitations and attendance) both use it.
/// </summary>
public sealed class RegistrationTests
{
    private static readonly DateTime Now = new(2026, 12, 5, 12, 0, 0, DateTimeKind.Utc);

    private static Meeting Upcoming(MeetingStatus status = MeetingStatus.Scheduled) =>
        new() { StartsAtUtc = Now.AddDays(3), DurationMinutes = 90, Status = status };

    [Fact]
    public void A_meeting_has_started_from_its_start_and_ended_after_its_duration_and_registration_closes_then()
    {
        var meeting = new Meeting { StartsAtUtc = DateTime.SpecifyKind(Now.AddMinutes(-30), DateTimeKind.Unspecified), DurationMinutes = 90 };
        Assert.Equal(Now.AddHours(1), meeting.EndsAtUtc);
        Assert.Equal(DateTimeKind.Utc, meeting.EndsAtUtc.Kind);
        Assert.True(meeting.HasStarted(Now));
        Assert.False(meeting.HasStarted(Now.AddMinutes(-31)));
        Assert.Null(MeetingParticipant.Refusal(meeting, null, RegistrationAct.Register, Now.AddMinutes(59)));
        Assert.Equal("The meeting has taken place: registration is closed.", MeetingParticipant.Refusal(meeting, null, RegistrationAct.Register, Now.AddMinutes(61)));
    }

    [Fact]
    public void At_the_instant_of_its_end_a_meeting_is_over_for_registration_as_for_the_lists_and_a_header_starts_when_the_entity_does()
    {
        var meeting = new Meeting { StartsAtUtc = Now, DurationMinutes = 90 };
        var end = Now.AddMinutes(90);
        Assert.False(meeting.HasEnded(end.AddTicks(-1)));
        Assert.Null(MeetingParticipant.Refusal(meeting, null, RegistrationAct.Register, end.AddTicks(-1)));
        Assert.True(meeting.HasEnded(end));
        Assert.True(Meeting.Ended(meeting.StartsAtUtc, meeting.DurationMinutes, end));
        Assert.Equal("The meeting has taken place: registration is closed.", MeetingParticipant.Refusal(meeting, null, RegistrationAct.Register, end));

        var header = new MeetingHeader(1, 1, 1, "g", new("Group"), "en", new("Meeting"), DateTime.SpecifyKind(Now, DateTimeKind.Unspecified), "UTC");
        foreach (var at in new[] { Now.AddTicks(-1), Now, Now.AddTicks(1) }) Assert.Equal(meeting.HasStarted(at), header.HasStarted(at));
        Assert.False(header.HasStarted(Now.AddTicks(-1)));
    }

    [Fact]
    public void An_uninvited_person_registers_and_cancelling_leaves_no_row()
    {
        var row = new MeetingParticipant();
        Assert.Null(MeetingParticipant.Refusal(Upcoming(), null, RegistrationAct.Register, Now));
        Assert.True(row.Answer(RegistrationAct.Register, Now));
        Assert.Equal(Now, row.RegisteredAtUtc);
        Assert.Equal(ParticipantResponse.None, row.Response);
        Assert.Equal("You are already registered.", MeetingParticipant.Refusal(Upcoming(), row, RegistrationAct.Register, Now));
        Assert.False(row.Answer(RegistrationAct.Unregister, Now));
        Assert.Null(row.RegisteredAtUtc);
    }

    [Fact]
    public void Cancelling_after_attendance_was_taken_keeps_the_row()
    {
        var row = new MeetingParticipant { RegisteredAtUtc = Now, Attended = false };
        Assert.True(row.Answer(RegistrationAct.Unregister, Now));
    }

    [Fact]
    public void An_invitees_registration_is_acceptance_and_declining_unregisters()
    {
        var row = new MeetingParticipant();
        Assert.True(row.Invite(Now));
        Assert.False(row.Invite(Now.AddHours(1)));
        Assert.Equal(Now, row.InvitedAtUtc);
        Assert.True(row.Answer(RegistrationAct.Register, Now));
        Assert.Equal(ParticipantResponse.Accepted, row.Response);
        Assert.True(row.Answer(RegistrationAct.Decline, Now));
        Assert.Equal(ParticipantResponse.Declined, row.Response);
        Assert.Null(row.RegisteredAtUtc);
        Assert.True(row.Answer(RegistrationAct.Accept, Now.AddMinutes(5)));
        Assert.Equal(Now.AddMinutes(5), row.RegisteredAtUtc);
        Assert.True(row.Answer(RegistrationAct.Unregister, Now));
        Assert.Equal(ParticipantResponse.Declined, row.Response);
    }

    [Theory]
    [InlineData(RegistrationAct.Accept)]
    [InlineData(RegistrationAct.Decline)]
    public void Only_invitees_accept_or_decline(RegistrationAct act) =>
        Assert.Equal("Only people invited to the meeting accept or decline.", MeetingParticipant.Refusal(Upcoming(), new MeetingParticipant { RegisteredAtUtc = Now }, act, Now));

    [Fact]
    public void A_cancelled_or_past_meeting_refuses_every_answer_and_one_not_registered_cannot_unregister()
    {
        foreach (var act in Enum.GetValues<RegistrationAct>())
        {
            Assert.Equal("The meeting was cancelled.", MeetingParticipant.Refusal(Upcoming(MeetingStatus.Cancelled), null, act, Now));
            var past = new Meeting { StartsAtUtc = Now.AddMinutes(-91), DurationMinutes = 90 };
            Assert.Equal("The meeting has taken place: registration is closed.", MeetingParticipant.Refusal(past, null, act, Now));
        }
        // Still open until the meeting's end.
        Assert.Null(MeetingParticipant.Refusal(new Meeting { StartsAtUtc = Now.AddMinutes(-89), DurationMinutes = 90 }, null, RegistrationAct.Register, Now));
        Assert.Equal("You are not registered.", MeetingParticipant.Refusal(Upcoming(), new MeetingParticipant(), RegistrationAct.Unregister, Now));
    }

    [Fact]
    public void Attendance_records_yes_no_or_not_taken_with_the_country_represented()
    {
        var row = new MeetingParticipant { CountryId = 1 };
        row.RecordAttendance(true, 7);
        Assert.Equal((true, 7), (row.Attended, row.CountryId));
        row.RecordAttendance(null, null);
        Assert.Equal((null, null), (row.Attended, row.CountryId));
    }
}
