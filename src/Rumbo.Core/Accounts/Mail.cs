using System.Globalization;
using System.Net;
using System.Net.Mail;
using System.Text;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Rumbo.Core.Accounts;

/// <summary>Settings under "Rumbo:Mail". With no SMTP host, messages go to the pickup folder instead.</summary>
public sealed class MailOptions
{
    public const string Section = "Rumbo:Mail";

    public string? SmtpHost { get; set; }
    public int Port { get; set; } = 587;
    public string? UserName { get; set; }
    public string? Password { get; set; }
    public string From { get; set; } = "Rumbo <rumbo@localhost>";
    public bool EnableSsl { get; set; } = true;

    /// <summary>
    /// The site's public address (https://rumbo.example.org) for the links in messages. Links never take the address
    /// of the request: a forged Host header would point a password-reset link at another site. Without it, messages
    /// with links (password resets, invitations, meeting notices) are not sent, and the log says why.
    /// </summary>
    public string? SiteUrl { get; set; }

    /// <summary>The configured public address without a trailing slash, or null when none is set.</summary>
    public string? PublicSite => string.IsNullOrWhiteSpace(SiteUrl) ? null : SiteUrl.Trim().TrimEnd('/');

    /// <summary>What is wrong with the configured address, or null: it must be an absolute http or https address.</summary>
    public string? SiteUrlProblem() =>
        PublicSite is not { } site || (Uri.TryCreate(site, UriKind.Absolute, out var uri)
            && uri.Scheme is "http" or "https" && uri.Query.Length == 0 && uri.Fragment.Length == 0)
            ? null
            : $"Rumbo:Mail:SiteUrl \"{SiteUrl}\" is not the site's public address: give an absolute http or https address such as https://rumbo.example.org.";

    /// <summary>The settings, checked: an address that is set but unusable stops start-up (a message starting "Rumbo:").</summary>
    public static MailOptions Read(IConfiguration configuration)
    {
        var options = configuration.GetSection(Section).Get<MailOptions>() ?? new MailOptions();
        return options.SiteUrlProblem() is { } problem ? throw new InvalidOperationException(problem) : options;
    }

    public const string NoSiteUrl =
        "Rumbo:Mail:SiteUrl is not set, so no password-reset, invitation or meeting message is sent: their links must not take the address of the request. Set it to the site's public address, such as https://rumbo.example.org.";
}

/// <summary>A plain-text message to one recipient, already written in the recipient's language.</summary>
/// <param name="Attachments">Files sent with the text (a calendar entry); none by default.</param>
public sealed record OutgoingMail(string To, string Subject, string Body, IReadOnlyList<MailAttachment>? Attachments = null)
{
    public bool HasAttachments => Attachments is { Count: > 0 };
}

/// <summary>A file sent with a message.</summary>
/// <param name="Name">File name the recipient sees (invite.ics); never a path.</param>
/// <param name="MediaType">Content type with its parameters: text/calendar; method=REQUEST; charset=utf-8.</param>
public sealed record MailAttachment(string Name, string MediaType, byte[] Content);

public interface IMailSender
{
    Task SendAsync(OutgoingMail message, CancellationToken ct = default);
}

/// <summary>Sends through an SMTP server.</summary>
public sealed class SmtpMailSender(MailOptions options) : IMailSender
{
    public async Task SendAsync(OutgoingMail message, CancellationToken ct = default)
    {
        using var mail = new MailMessage(new MailAddress(options.From), new MailAddress(message.To))
        {
            Subject = message.Subject,
            Body = message.Body,
            IsBodyHtml = false,
            BodyEncoding = Encoding.UTF8,
            SubjectEncoding = Encoding.UTF8,
        };
        foreach (var a in message.Attachments ?? [])
        {
            // The stream belongs to the attachment, which the message disposes.
            var attachment = new Attachment(new MemoryStream(a.Content), new System.Net.Mime.ContentType(a.MediaType) { Name = a.Name });
            attachment.ContentDisposition!.FileName = a.Name;
            mail.Attachments.Add(attachment);
        }
        using var client = new SmtpClient(options.SmtpHost, options.Port) { EnableSsl = options.EnableSsl };
        if (!string.IsNullOrEmpty(options.UserName))
        {
            client.Credentials = new NetworkCredential(options.UserName, options.Password);
        }
        await client.SendMailAsync(mail, ct);
    }
}

/// <summary>
/// Writes each message as an .eml file (RFC 5322 text) into a folder, so that development and test set-ups
/// without a mail server lose nothing: any mail client opens the files.
/// </summary>
public sealed class PickupFolderMailSender(string folder, MailOptions options, TimeProvider clock, ILogger<PickupFolderMailSender>? logger = null) : IMailSender
{
    public string Folder { get; } = folder;

    public async Task SendAsync(OutgoingMail message, CancellationToken ct = default)
    {
        // An SMTP client refuses an address it cannot parse; so does the folder, which also keeps a line break in an
        // address from adding headers to the file.
        if (!MailAddress.TryCreate(message.To, out var to) || to.Address != message.To)
        {
            throw new FormatException($"\"{message.To}\" is not an e-mail address.");
        }
        Directory.CreateDirectory(Folder);
        var now = clock.GetUtcNow();
        var name = $"{now:yyyyMMdd'T'HHmmssfff}-{Guid.NewGuid():n}.eml";
        var path = Path.Combine(Folder, name);
        await File.WriteAllTextAsync(path, Format(message, options.From, now), new UTF8Encoding(false), ct);
        logger?.LogInformation("Mail to {To} written to {Path}", message.To, path);
    }

    /// <summary>
    /// The message as an RFC 5322 text with CRLF line ends: headers, a blank line and the body; with attachments,
    /// a MIME multipart/mixed body whose first part is the text and the others the files, in base64.
    /// </summary>
    public static string Format(OutgoingMail message, string from, DateTimeOffset date)
    {
        var text = new StringBuilder();
        void Header(string name, string value) => text.Append(name).Append(": ").Append(value).Append("\r\n");
        void Body(string body)
        {
            text.Append(body.ReplaceLineEndings("\r\n"));
            if (!body.EndsWith('\n')) text.Append("\r\n");
        }
        Header("From", from);
        Header("To", message.To);
        Header("Subject", EncodeHeader(message.Subject));
        Header("Date", date.ToUniversalTime().ToString("ddd, dd MMM yyyy HH:mm:ss '+0000'", CultureInfo.InvariantCulture));
        Header("Message-ID", $"<{Guid.NewGuid():n}@rumbo>");
        Header("MIME-Version", "1.0");
        if (!message.HasAttachments)
        {
            Header("Content-Type", "text/plain; charset=utf-8");
            Header("Content-Transfer-Encoding", "8bit");
            text.Append("\r\n");
            Body(message.Body);
            return text.ToString();
        }
        // A boundary no base64 line or text line of ours can contain: "=_" never occurs in base64 output.
        var boundary = $"=_rumbo_{Guid.NewGuid():n}";
        Header("Content-Type", $"multipart/mixed; boundary=\"{boundary}\"");
        text.Append("\r\n");
        text.Append("This is a message in MIME format.\r\n");
        text.Append("--").Append(boundary).Append("\r\n");
        Header("Content-Type", "text/plain; charset=utf-8");
        Header("Content-Transfer-Encoding", "8bit");
        text.Append("\r\n");
        Body(message.Body);
        foreach (var a in message.Attachments!)
        {
            text.Append("--").Append(boundary).Append("\r\n");
            Header("Content-Type", $"{a.MediaType}; name=\"{AsciiName(a.Name)}\"");
            Header("Content-Disposition", $"attachment; filename=\"{AsciiName(a.Name)}\"");
            Header("Content-Transfer-Encoding", "base64");
            text.Append("\r\n");
            var base64 = Convert.ToBase64String(a.Content);
            for (var i = 0; i < base64.Length; i += 76)
            {
                text.Append(base64, i, Math.Min(76, base64.Length - i)).Append("\r\n");
            }
        }
        text.Append("--").Append(boundary).Append("--\r\n");
        return text.ToString();
    }

    /// <summary>A file name safe inside a quoted header parameter: printable ASCII without quotes or backslashes.</summary>
    private static string AsciiName(string name) =>
        new(name.Select(c => c is >= ' ' and <= '~' and not '"' and not '\\' ? c : '_').ToArray());

    /// <summary>Header values are ASCII; a subject in Spanish goes as an RFC 2047 encoded word.</summary>
    private static string EncodeHeader(string value) =>
        value.All(c => c is >= ' ' and <= '~') ? value : $"=?utf-8?B?{Convert.ToBase64String(Encoding.UTF8.GetBytes(value))}?=";
}

public static class MailServiceCollectionExtensions
{
    /// <summary>SMTP when Rumbo:Mail:SmtpHost is set, else the "mail" pickup folder in the data directory.</summary>
    public static IServiceCollection AddRumboMail(this IServiceCollection services, IConfiguration configuration, string dataDirectory)
    {
        var options = MailOptions.Read(configuration);
        services.AddSingleton(options);
        if (string.IsNullOrWhiteSpace(options.SmtpHost))
        {
            services.AddSingleton<IMailSender>(sp => new PickupFolderMailSender(
                Path.Combine(dataDirectory, "mail"), options, sp.GetService<TimeProvider>() ?? TimeProvider.System,
                sp.GetService<ILogger<PickupFolderMailSender>>()));
        }
        else
        {
            services.AddSingleton<IMailSender>(new SmtpMailSender(options));
        }
        return services;
    }
}
