using Rumbo.Core.Agendas;
using Rumbo.Core.Groups;
using Rumbo.Core.Meetings;
using Rumbo.Core.Agreements;

namespace Rumbo.Core.Documents;

public enum DocumentKind
{
    Agreement,
    Minutes,
    Report,
    Presentation,
    Study,
    Note,
    Other,
}

/// <summary>A document of a group's or body's repository; its files are its versions.</summary>
public sealed class Document
{
    public int Id { get; set; }
    public int GroupId { get; set; }
    public Group? Group { get; set; }
    public string Title { get; set; } = string.Empty;
    /// <summary>United Nations document symbol (LC/MDS.4/3), when it has one.</summary>
    public string? Symbol { get; set; }
    /// <summary>Language of the document (en, es, pt, fr).</summary>
    public string Language { get; set; } = "en";
    public DateOnly? Date { get; set; }
    public DocumentKind Kind { get; set; }
    public string? Description { get; set; }
    public Visibility Visibility { get; set; } = Visibility.Members;
    public int? MeetingId { get; set; }
    public Meeting? Meeting { get; set; }
    public int? AgreementId { get; set; }
    public Agreement? Agreement { get; set; }
    public DateTime CreatedAtUtc { get; set; }
    /// <summary>
    /// Title, symbol, description and the current version's text, folded to lower case without accents, so that a phrase
    /// is found with one LIKE on either database (decision 0010).
    /// </summary>
    public string SearchText { get; set; } = string.Empty;
    public int Version { get; set; }
    public List<DocumentVersion> Versions { get; set; } = [];
    public List<DocumentLine> Lines { get; set; } = [];
}

/// <summary>One uploaded file of a document. The file is stored by the SHA-256 of its content, never by a name a user gave.</summary>
public sealed class DocumentVersion
{
    public int Id { get; set; }
    public int DocumentId { get; set; }
    public int Number { get; set; }
    /// <summary>Lower-case hex SHA-256 of the content: the storage key.</summary>
    public string ContentHash { get; set; } = string.Empty;
    /// <summary>The media type found in the content (application/pdf), not the one the browser claimed.</summary>
    public string MediaType { get; set; } = string.Empty;
    /// <summary>The extension that goes with <see cref="MediaType"/> (pdf, docx), used for downloads.</summary>
    public string Extension { get; set; } = string.Empty;
    public long Size { get; set; }
    /// <summary>The name the file was uploaded under, cleaned, for display and as the download name only.</summary>
    public string FileName { get; set; } = string.Empty;
    /// <summary>Text extracted from the file, when its format has text.</summary>
    public string? ExtractedText { get; set; }
    public string? Note { get; set; }
    public DateTime UploadedAtUtc { get; set; }
    public int? UploadedByUserId { get; set; }
}

public sealed class DocumentLine : ILineLink
{
    public int DocumentId { get; set; }
    public int LineOfActionId { get; set; }
    public LineOfAction? LineOfAction { get; set; }
}
