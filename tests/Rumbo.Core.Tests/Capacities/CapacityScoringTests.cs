using Rumbo.Core.Capacities;

namespace Rumbo.Core.Tests.Capacities;

/// <summary>The scoring method against cases computed by hand, and the workflow's transitions on the entity: no database.</summary>
public sealed class CapacityScoringTests
{
    private static readonly DateTime Now = new(2026, 12, 7, 12, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void Cells_are_means_of_answered_levels_over_the_scale_and_roll_ups_weigh_each_scored_cell_the_same()
    {
        const CapacityDimension T = CapacityDimension.Technical, O = CapacityDimension.Operational;
        var s = CapacityScoring.Compute(
        [
            // Area 1, technical: 3 of 4 is 75, 2 of 4 is 50: the cell is 62.5.
            new(1, T, 3, 4), new(1, T, 2, 4),
            // Area 1, operational: 4 of 4 is 100; the unanswered question is left out: 100, covering 1 of 2.
            new(1, O, 4, 4), new(1, O, null, 4),
            // Area 2, technical, on a scale 0-2: 1 is 50.
            new(2, T, 1, 2),
            // Area 2, operational: nothing answered: no score, 0 of 2.
            new(2, O, null, 4), new(2, O, null, 4),
        ]);
        Assert.Equal(62.5, s.Cell(1, T)!.Score);
        Assert.Equal(100, s.Cell(1, O)!.Score);
        Assert.Equal((1, 2), (s.Cell(1, O)!.Answered, s.Cell(1, O)!.Questions));
        Assert.Equal(50, s.Cell(2, T)!.Score);
        Assert.Null(s.Cell(2, O)!.Score);
        Assert.Equal((0, 2), (s.Cell(2, O)!.Answered, s.Cell(2, O)!.Questions));
        // Area 1: (62.5 + 100) / 2; area 2: its one scored cell.
        Assert.Equal(81.25, s.ByArea[1].Score);
        Assert.Equal(50, s.ByArea[2].Score);
        Assert.Equal((1, 3), (s.ByArea[2].Answered, s.ByArea[2].Questions));
        // Technical: (62.5 + 50) / 2; operational: area 1's only.
        Assert.Equal(56.25, s.ByDimension[T].Score);
        Assert.Equal(100, s.ByDimension[O].Score);
        // Overall: (62.5 + 100 + 50) / 3, not the mean of the four answers (68.75).
        Assert.Equal(212.5 / 3, s.Overall.Score!.Value, 10);
        Assert.Equal((4, 7), (s.Overall.Answered, s.Overall.Questions));
    }

    [Fact]
    public void Nothing_answered_scores_nothing_and_zero_is_a_score()
    {
        var none = CapacityScoring.Compute([new(1, CapacityDimension.Political, null, 4)]);
        Assert.Null(none.Overall.Score);
        var zero = CapacityScoring.Compute([new(1, CapacityDimension.Political, 0, 4)]);
        Assert.Equal(0, zero.Overall.Score);
        Assert.Equal(75, CapacityScoring.Normalise(3, 4));
        Assert.Equal(100.0 / 3, CapacityScoring.Normalise(1, 3), 10);
    }

    private static CapacityQuestion Question(int id) => new()
    {
        Id = id, AreaId = 1, Dimension = CapacityDimension.Technical,
        Levels = [.. Enumerable.Range(0, 5).Select(v => new CapacityLevel { QuestionId = id, Value = v })],
    };

    [Fact]
    public void The_country_answers_submits_the_secretariat_returns_with_a_reason_then_closes_and_every_move_is_kept()
    {
        var a = new CapacityAssessment { Status = AssessmentStatus.Open };
        var q1 = Question(1);
        var q2 = Question(2);
        Assert.Equal("Answer at least one question before sending the diagnosis.", a.Submit(7, Now));
        Assert.Equal("Choose a level of the question's scale.", a.Answer(q1, 5, null, null, 7, Now));
        Assert.Equal("Choose a level of the question's scale.", a.Answer(q1, -1, null, null, 7, Now));
        Assert.Empty(a.Answers);
        Assert.Null(a.Answer(q1, 3, " Law 21.000 ", "https://example.org/law", 7, Now));
        Assert.Equal(("Law 21.000", 7), (a.Answers[0].Comment, a.Answers[0].AnsweredByPersonId));
        // Another person of the country changes the answer: the last one is who answered.
        Assert.Null(a.Answer(q1, 2, "Law 21.000", "https://example.org/law", 8, Now.AddHours(1)));
        Assert.Equal((2, 8), (a.Answers[0].Level!.Value, a.Answers[0].AnsweredByPersonId!.Value));
        Assert.Equal("Comments on answers are written while the diagnosis is with the secretariat.", a.CommentOn(1, "?"));
        Assert.Equal("Only a diagnosis sent to the secretariat can be closed.", a.Close(1, Now, null));
        Assert.Null(a.Submit(7, Now));
        Assert.Equal("The diagnosis is with the secretariat or closed: its answers no longer change.", a.Answer(q2, 1, null, null, 7, Now));
        Assert.Equal("This diagnosis has already been sent to the secretariat.", a.Submit(7, Now));
        Assert.Null(a.CommentOn(1, "Which article?"));
        Assert.Equal("Say what the country should change.", a.Return(1, Now, "  "));
        Assert.Null(a.Return(1, Now, "Answer the political questions."));
        Assert.True(a.IsAnswerable);
        Assert.Null(a.Answer(q2, 1, null, null, 7, Now));
        Assert.Null(a.Submit(7, Now));
        Assert.Null(a.Close(1, Now, "Thank you."));
        Assert.Equal(AssessmentStatus.Closed, a.Status);
        Assert.Equal("Only a diagnosis sent to the secretariat can be returned.", a.Return(1, Now, "Again"));
        Assert.Equal(
            [(AssessmentStatus.Open, AssessmentStatus.Submitted), (AssessmentStatus.Submitted, AssessmentStatus.Returned),
             (AssessmentStatus.Returned, AssessmentStatus.Submitted), (AssessmentStatus.Submitted, AssessmentStatus.Closed)],
            a.Transitions.Select(t => (t.From, t.To)));
        Assert.Equal("Answer the political questions.", a.Transitions[1].Reason);
        Assert.Equal("Which article?", a.Answers.Single(x => x.QuestionId == 1).ReviewComment);
    }

    [Fact]
    public void A_published_version_is_frozen_and_a_new_draft_copies_its_questions_and_scales()
    {
        var v1 = CapacityProposal.Build(3, [10, 11, 12, 13], 1, Now);
        Assert.Equal(4 * 4 * 2, v1.Questions.Count);
        Assert.All(v1.Questions, q => Assert.Equal(4, q.ScaleMax));
        Assert.All(v1.Questions, q => Assert.False(string.IsNullOrWhiteSpace(q.Text.Es)));
        var empty = new CapacityInstrument { Status = InstrumentStatus.Draft };
        Assert.Equal("A version without questions cannot be published.", empty.Publish(1, Now));
        Assert.Null(v1.Publish(1, Now));
        Assert.Equal("This version is already published: it no longer changes.", v1.Publish(1, Now));
        var v2 = v1.NewDraft(2, Now);
        Assert.Equal((2, InstrumentStatus.Draft), (v2.Number, v2.Status));
        Assert.Equal(v1.Questions.Count, v2.Questions.Count);
        v2.Questions[0].Text.Source = "Changed";
        Assert.NotEqual("Changed", v1.Questions[0].Text.Source);
    }
}
