namespace Rumbo.Core.Capacities;

/// <summary>One question as the scores see it: where it sits, the level answered (null if not) and its scale's maximum.</summary>
public sealed record ScoredQuestion(int AreaId, CapacityDimension Dimension, int? Level, int ScaleMax);

/// <summary>A cell of the area x dimension grid: its score from 0 to 100 (null when nothing in it is answered) and its coverage.</summary>
public sealed record CellScore(int AreaId, CapacityDimension Dimension, double? Score, int Answered, int Questions);

/// <summary>A roll-up (an area, a dimension, the whole) with the coverage of the questions under it.</summary>
public sealed record RollUp(double? Score, int Answered, int Questions);

public sealed record CapacityScores(
    IReadOnlyList<CellScore> Cells, IReadOnlyDictionary<int, RollUp> ByArea, IReadOnlyDictionary<CapacityDimension, RollUp> ByDimension, RollUp Overall)
{
    public CellScore? Cell(int areaId, CapacityDimension d) => Cells.FirstOrDefault(c => c.AreaId == areaId && c.Dimension == d);
}

/// <summary>
/// The method, stated once for the pages, the API and the tests. An answered question scores its level over its scale's
/// maximum, times 100 (a scale 0-4 answered 3 scores 75). A cell (area x dimension) is the mean of its answered questions;
/// unanswered questions are left out and counted in the coverage. An area is the mean of its scored cells, a dimension
/// the mean of its scored cells across areas, and the overall score the mean of every scored cell: each cell weighs the
/// same, so that an area with more questions does not outweigh the others.
/// </summary>
public static class CapacityScoring
{
    /// <summary>Below this a scored cell is a gap.</summary>
    public const double GapThreshold = 50;

    /// <summary>At or above this a scored cell is a strength.</summary>
    public const double StrengthThreshold = 75;

    public static double Normalise(int level, int scaleMax) => scaleMax <= 0 ? 0 : 100.0 * level / scaleMax;

    public static CapacityScores Compute(IEnumerable<ScoredQuestion> questions)
    {
        var cells = questions.GroupBy(q => (q.AreaId, q.Dimension))
            .Select(g =>
            {
                var answered = g.Where(q => q.Level is not null && q.ScaleMax > 0).Select(q => Normalise(q.Level!.Value, q.ScaleMax)).ToList();
                return new CellScore(g.Key.AreaId, g.Key.Dimension, answered.Count == 0 ? null : answered.Average(), answered.Count, g.Count());
            })
            .OrderBy(c => c.AreaId).ThenBy(c => c.Dimension)
            .ToList();
        return new CapacityScores(
            cells,
            cells.GroupBy(c => c.AreaId).ToDictionary(g => g.Key, g => Roll(g)),
            cells.GroupBy(c => c.Dimension).ToDictionary(g => g.Key, g => Roll(g)),
            Roll(cells));
    }

    private static RollUp Roll(IEnumerable<CellScore> cells)
    {
        var list = cells.ToList();
        var scored = list.Where(c => c.Score is not null).Select(c => c.Score!.Value).ToList();
        return new RollUp(scored.Count == 0 ? null : scored.Average(), list.Sum(c => c.Answered), list.Sum(c => c.Questions));
    }
}
