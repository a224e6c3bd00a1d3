using System.Text;
using System.Text.RegularExpressions;

namespace Rumbo.TestSupport;

/// <summary>
/// A small reader of the MIME messages Rumbo writes (RFC 5322 headers, multipart bodies, base64 or quoted-printable
/// or 8bit parts), so that tests read a message as a mail program would rather than search its raw text.
/// </summary>
public sealed record Mime(IReadOnlyDictionary<string, string> Headers, string Text, IReadOnlyList<Mime> Parts)
{
    public static Mime Parse(string raw)
    {
        var split = raw.IndexOf("\r\n\r\n", StringComparison.Ordinal);
        var head = split < 0 ? raw : raw[..split];
        var body = split < 0 ? "" : raw[(split + 4)..];
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        string? last = null;
        foreach (var line in head.Split("\r\n"))
        {
            if (line.Length > 0 && char.IsWhiteSpace(line[0]) && last is not null) headers[last] += " " + line.Trim();
            else if (line.IndexOf(':') is var colon and > 0) headers[last = line[..colon].Trim()] = line[(colon + 1)..].Trim();
        }
        var type = headers.GetValueOrDefault("Content-Type", "text/plain");
        if (type.StartsWith("multipart/", StringComparison.OrdinalIgnoreCase))
        {
            var boundary = Regex.Match(type, "boundary=\"?([^\";]+)\"?", RegexOptions.IgnoreCase).Groups[1].Value;
            var parts = body.Split("--" + boundary).Skip(1).TakeWhile(p => !p.StartsWith("--", StringComparison.Ordinal))
                .Select(p => Parse(p.StartsWith("\r\n", StringComparison.Ordinal) ? p[2..] : p))
                .SelectMany(p => p.Headers.GetValueOrDefault("Content-Type", "").StartsWith("multipart/", StringComparison.OrdinalIgnoreCase) ? p.Parts : [p])
                .ToList();
            return new Mime(headers, "", parts);
        }
        return new Mime(headers, Decode(body, headers.GetValueOrDefault("Content-Transfer-Encoding", "8bit")), []);
    }

    private static string Decode(string body, string encoding)
    {
        // A part ends with the CRLF before the next boundary, which belongs to the boundary.
        if (body.EndsWith("\r\n", StringComparison.Ordinal)) body = body[..^2];
        switch (encoding.ToLowerInvariant())
        {
            case "base64":
                return Encoding.UTF8.GetString(Convert.FromBase64String(string.Concat(body.Where(c => !char.IsWhiteSpace(c)))));
            case "quoted-printable":
                var bytes = new List<byte>();
                var text = body.Replace("=\r\n", "");
                for (var i = 0; i < text.Length; i++)
                {
                    if (text[i] == '=' && i + 2 < text.Length && Uri.IsHexDigit(text[i + 1]) && Uri.IsHexDigit(text[i + 2]))
                    {
                        bytes.Add(Convert.ToByte(text.Substring(i + 1, 2), 16));
                        i += 2;
                    }
                    else bytes.AddRange(Encoding.UTF8.GetBytes(text[i].ToString()));
                }
                return Encoding.UTF8.GetString(bytes.ToArray());
            default:
                return body + "\r\n";
        }
    }
}
