using System.Linq.Expressions;
using System.Reflection;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Rumbo.Core.Agendas;

public static class LocalizedStringExtensions
{
    /// <summary>The text in the wanted language when translated, else the source; with the language it is in.</summary>
    public static (string Text, string Language) In(this LocalizedString s, string language, string sourceLanguage)
    {
        var translated = language switch
        {
            "en" => s.En,
            "es" => s.Es,
            "pt" => s.Pt,
            "fr" => s.Fr,
            _ => null,
        };
        return string.IsNullOrWhiteSpace(translated) ? (s.Source, sourceLanguage) : (translated, language);
    }

    /// <summary>The text in the wanted language when translated, else the source.</summary>
    public static string In(this LocalizedString s, string language) => s.In(language, "").Text;

    /// <summary>
    /// Whether what is shown for <paramref name="language"/> is a translation that is not official: the text has a
    /// translation into that language, it is not the source's language, and the text does not name it official.
    /// </summary>
    public static bool IsUnofficialIn(this LocalizedString s, string language, string sourceLanguage) =>
        language != sourceLanguage && s.In(language, sourceLanguage).Language == language && !OfficialLanguages.Contains(s.Official, language);
}

/// <summary>The languages a text names official (<see cref="LocalizedText.Official"/>): codes separated by spaces.</summary>
public static class OfficialLanguages
{
    public static readonly string[] All = ["en", "es", "pt", "fr"];

    public static bool Contains(string? official, string language) =>
        official is not null && official.Split(' ', StringSplitOptions.RemoveEmptyEntries).Contains(language, StringComparer.Ordinal);

    /// <summary>Known codes only, in the order en, es, pt, fr; null for none.</summary>
    public static string? Normalize(string? official) => Of(All.Where(l => Contains(official?.ToLowerInvariant(), l)));

    /// <summary>The list as stored: null for none.</summary>
    public static string? Of(IEnumerable<string> languages)
    {
        var list = All.Where(languages.Contains).ToArray();
        return list.Length == 0 ? null : string.Join(' ', list);
    }
}

/// <summary>
/// Lets queries call <see cref="LocalizedText.ToDocument"/> in their projections. EF Core runs a method given a
/// complex property on the client and then reads the whole row that holds it, every column of the entity; the
/// method is therefore replaced, before the query is compiled, by the constructor it stands for, which reads only
/// the text's six columns.
/// </summary>
public sealed class LocalizedTextProjection : ExpressionVisitor, IQueryExpressionInterceptor
{
    public static readonly LocalizedTextProjection Instance = new();

    private static readonly MethodInfo ToDocument = typeof(LocalizedText).GetMethod(nameof(LocalizedText.ToDocument))!;
    private static readonly ConstructorInfo Constructor = typeof(LocalizedString).GetConstructor(
        [typeof(string), typeof(string), typeof(string), typeof(string), typeof(string), typeof(string)])!;

    private LocalizedTextProjection()
    {
    }

    public Expression QueryCompilationStarting(Expression queryExpression, QueryExpressionEventData eventData) => Visit(queryExpression);

    protected override Expression VisitMethodCall(MethodCallExpression node)
    {
        if (node.Method != ToDocument || node.Object is null) return base.VisitMethodCall(node);
        var text = Visit(node.Object);
        return Expression.New(Constructor,
            Expression.Property(text, nameof(LocalizedText.Source)),
            Expression.Property(text, nameof(LocalizedText.En)),
            Expression.Property(text, nameof(LocalizedText.Es)),
            Expression.Property(text, nameof(LocalizedText.Pt)),
            Expression.Property(text, nameof(LocalizedText.Fr)),
            Expression.Property(text, nameof(LocalizedText.Official)));
    }
}
