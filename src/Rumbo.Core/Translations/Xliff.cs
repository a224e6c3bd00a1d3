using System.Text;
using System.Xml;
using System.Xml.Linq;
using Rumbo.Core.Validation;

namespace Rumbo.Core.Translations;

/// <summary>A unit read back from a translated file: its id, the source it was translated from and the translation.</summary>
public sealed record ReadUnit(string Id, string? Source, string? Target);

/// <summary>What a translated file holds: its languages (null where the format does not say), the sets it is for and its units.</summary>
public sealed record TranslationFile(string Format, string? SourceLanguage, string? TargetLanguage, IReadOnlyList<string> FileIds, IReadOnlyList<ReadUnit> Units);

/// <summary>
/// XLIFF 2.0 (OASIS, <c>urn:oasis:names:tc:xliff:document:2.0</c>), written with System.Xml.Linq and read with a locked-down
/// <see cref="XmlReader"/> (no DTD, no external resolution, a cap on characters): no XLIFF library is among the packages the project
/// may use (decision 0023). One <c>&lt;file&gt;</c> per set, one <c>&lt;unit&gt;</c> of one <c>&lt;segment&gt;</c> per text.
/// </summary>
public static class Xliff
{
    public static readonly XNamespace Ns = "urn:oasis:names:tc:xliff:document:2.0";
    private static readonly XNamespace Xml = XNamespace.Xml;
    public const string MediaType = "application/xliff+xml";

    /// <summary>
    /// The set's texts for translation into <paramref name="language"/>: a translated text as state="translated" with its
    /// target; a missing one as state="initial" without; one that needs review as state="initial" with its target and a
    /// note that says so. <paramref name="label"/> names each text for translators, <paramref name="reviewNote"/> is the note.
    /// </summary>
    public static byte[] Write(TranslationStatus status, string language, Func<TranslationText, string> label, string title, string reviewNote)
    {
        var set = status.Set;
        var file = new XElement(Ns + "file", new XAttribute("id", set.FileId), new XAttribute("original", set.PageUrl),
            new XElement(Ns + "notes", new XElement(Ns + "note", new XAttribute("category", "title"), title)));
        foreach (var s in status.In(language))
        {
            var t = s.Text;
            var name = label(t);
            var notes = new XElement(Ns + "notes", new XElement(Ns + "note", new XAttribute("category", "location"), name));
            if (s.State == TranslationState.NeedsReview)
                notes.Add(new XElement(Ns + "note", new XAttribute("category", "review"), new XAttribute("priority", "1"), reviewNote));
            var segment = new XElement(Ns + "segment", new XAttribute("state", s.State == TranslationState.Translated ? "translated" : "initial"),
                Text("source", t.Text.Source));
            if (s.Translation is not null) segment.Add(Text("target", s.Translation));
            file.Add(new XElement(Ns + "unit", new XAttribute("id", t.UnitId), new XAttribute("name", name), notes, segment));
        }
        var document = new XDocument(new XDeclaration("1.0", "utf-8", null),
            new XElement(Ns + "xliff", new XAttribute("version", "2.0"), new XAttribute("srcLang", set.SourceLanguage), new XAttribute("trgLang", language), file));
        using var stream = new MemoryStream();
        using (var writer = XmlWriter.Create(stream, new XmlWriterSettings { Encoding = new UTF8Encoding(false), Indent = true }))
        {
            document.Save(writer);
        }
        return stream.ToArray();
    }

    /// <summary>Line breaks of a text (paragraphs of Markdown) are kept: the element says so to the translators' tools.</summary>
    private static XElement Text(string name, string text) =>
        text.Contains('\n') ? new XElement(Ns + name, new XAttribute(Xml + "space", "preserve"), text) : new XElement(Ns + name, text);

    public const string NotXml = "The file is neither XLIFF nor a spreadsheet: it cannot be read as XML.";
    public const string NotXliff = "The file is XML but not XLIFF 2.0.";
    public const string HasDtd = "The file declares a document type (DTD), which XLIFF does not use; it was not read.";
    public const string TooLarge = "The file is too large.";

    /// <summary>
    /// Reads an XLIFF 2.0 file: never a DTD or an external entity, at most <paramref name="maxCharacters"/> characters. A file
    /// that cannot be read gives a problem for the person who uploaded it, never an exception.
    /// </summary>
    public static (TranslationFile? File, ValidationMessage? Problem) Read(Stream content, long maxCharacters)
    {
        var settings = new XmlReaderSettings
        {
            DtdProcessing = DtdProcessing.Prohibit,
            XmlResolver = null,
            MaxCharactersInDocument = maxCharacters,
            MaxCharactersFromEntities = 1024,
            IgnoreComments = true,
            IgnoreProcessingInstructions = true,
            CloseInput = false,
        };
        XDocument document;
        try
        {
            using var reader = XmlReader.Create(content, settings);
            document = XDocument.Load(reader, LoadOptions.PreserveWhitespace);
        }
        catch (XmlException e) when (e.Message.Contains("DTD", StringComparison.OrdinalIgnoreCase))
        {
            return (null, HasDtd);
        }
        catch (XmlException e) when (e.Message.Contains("MaxCharactersInDocument", StringComparison.Ordinal) || e.Message.Contains("exceeds", StringComparison.OrdinalIgnoreCase))
        {
            return (null, TooLarge);
        }
        catch (XmlException)
        {
            return (null, NotXml);
        }
        var root = document.Root;
        if (root is null || root.Name != Ns + "xliff" || (string?)root.Attribute("version") != "2.0") return (null, NotXliff);
        var files = root.Elements(Ns + "file").ToList();
        var units = new List<ReadUnit>();
        foreach (var unit in files.SelectMany(f => f.Descendants(Ns + "unit")))
        {
            var id = (string?)unit.Attribute("id") ?? "";
            // A tool may split a text into segments (and keep spaces between them as ignorables): joined again in order.
            var parts = unit.Elements().Where(e => e.Name == Ns + "segment" || e.Name == Ns + "ignorable").ToList();
            var source = string.Concat(parts.Select(p => p.Element(Ns + "source")?.Value ?? ""));
            var hasTarget = parts.Any(p => p.Element(Ns + "target") is not null);
            var target = hasTarget ? string.Concat(parts.Select(p => p.Element(Ns + "target")?.Value ?? (p.Name == Ns + "ignorable" ? p.Element(Ns + "source")?.Value ?? "" : ""))) : null;
            units.Add(new ReadUnit(id, source, target));
        }
        return (new TranslationFile("XLIFF", (string?)root.Attribute("srcLang"), (string?)root.Attribute("trgLang"),
            files.Select(f => (string?)f.Attribute("id") ?? "").ToList(), units), null);
    }
}
