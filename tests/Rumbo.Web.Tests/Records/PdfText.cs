using System.Diagnostics;
using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Text.RegularExpressions;

namespace Rumbo.Web.Tests.Records;

/// <summary>
/// The text of a PDF: poppler's pdftotext when the machine has it, else the text objects decoded here (glyph codes
/// mapped through each font's ToUnicode table), which is enough for the PDFs Skia writes.
/// </summary>
public static partial class PdfText
{
    public static string Extract(byte[] pdf)
    {
        var viaPoppler = Poppler(pdf);
        return viaPoppler ?? Decode(pdf);
    }

    private static string? Poppler(byte[] pdf)
    {
        var path = Path.Combine(Path.GetTempPath(), $"rumbo-{Guid.NewGuid():n}.pdf");
        File.WriteAllBytes(path, pdf);
        try
        {
            using var process = Process.Start(new ProcessStartInfo("pdftotext", ["-enc", "UTF-8", path, "-"]) { RedirectStandardOutput = true, RedirectStandardError = true });
            if (process is null) return null;
            var text = process.StandardOutput.ReadToEnd();
            process.WaitForExit();
            return process.ExitCode == 0 ? text : null;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return null;
        }
        finally
        {
            File.Delete(path);
        }
    }

    public static string Decode(byte[] pdf)
    {
        var raw = Encoding.Latin1.GetString(pdf);
        var objects = new Dictionary<int, (string Dict, byte[]? Stream)>();
        foreach (Match m in ObjectPattern().Matches(raw))
        {
            var body = m.Groups[2].Value;
            var s = body.IndexOf("stream", StringComparison.Ordinal);
            byte[]? stream = null;
            var dict = body;
            if (s >= 0 && body.Contains("endstream", StringComparison.Ordinal))
            {
                dict = body[..s];
                var start = s + "stream".Length;
                if (body[start] == '\r') start++;
                if (body[start] == '\n') start++;
                var end = body.LastIndexOf("endstream", StringComparison.Ordinal);
                var bytes = Encoding.Latin1.GetBytes(body[start..end].TrimEnd('\r', '\n'));
                stream = dict.Contains("/FlateDecode", StringComparison.Ordinal) ? Inflate(bytes) : bytes;
            }
            objects[int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture)] = (dict, stream);
        }
        var fonts = new Dictionary<string, Dictionary<int, string>>();
        foreach (var (_, (dict, _)) in objects)
        {
            foreach (Match f in FontRefPattern().Matches(dict))
            {
                var name = f.Groups[1].Value;
                if (fonts.ContainsKey(name) || !objects.TryGetValue(int.Parse(f.Groups[2].Value, CultureInfo.InvariantCulture), out var font)) continue;
                var tu = ToUnicodePattern().Match(font.Dict);
                if (tu.Success && objects.TryGetValue(int.Parse(tu.Groups[1].Value, CultureInfo.InvariantCulture), out var cmap) && cmap.Stream is not null)
                {
                    fonts[name] = ParseCMap(Encoding.Latin1.GetString(cmap.Stream));
                }
            }
        }
        var text = new StringBuilder();
        foreach (var (_, (_, stream)) in objects.OrderBy(o => o.Key))
        {
            if (stream is null) continue;
            var content = Encoding.Latin1.GetString(stream);
            if (!content.Contains("BT", StringComparison.Ordinal)) continue;
            Dictionary<int, string>? map = null;
            foreach (Match op in OperatorPattern().Matches(content))
            {
                if (op.Groups["font"].Success) map = fonts.GetValueOrDefault(op.Groups["font"].Value);
                else if (op.Groups["tm"].Success) text.Append('\n');
                else if (map is not null)
                {
                    foreach (Match hex in HexPattern().Matches(op.Value))
                    {
                        var h = hex.Groups[1].Value;
                        for (var i = 0; i + 4 <= h.Length; i += 4) text.Append(map.GetValueOrDefault(Convert.ToInt32(h[i..(i + 4)], 16), "?"));
                    }
                }
            }
        }
        return text.ToString();
    }

    private static Dictionary<int, string> ParseCMap(string cmap)
    {
        var map = new Dictionary<int, string>();
        foreach (Match block in Regex.Matches(cmap, @"beginbfchar(.*?)endbfchar", RegexOptions.Singleline))
        {
            foreach (Match pair in Regex.Matches(block.Groups[1].Value, @"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>"))
                map[Convert.ToInt32(pair.Groups[1].Value, 16)] = Unicode(pair.Groups[2].Value);
        }
        foreach (Match block in Regex.Matches(cmap, @"beginbfrange(.*?)endbfrange", RegexOptions.Singleline))
        {
            foreach (Match range in Regex.Matches(block.Groups[1].Value, @"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>"))
            {
                var from = Convert.ToInt32(range.Groups[1].Value, 16);
                var to = Convert.ToInt32(range.Groups[2].Value, 16);
                var first = Convert.ToInt32(range.Groups[3].Value, 16);
                for (var g = from; g <= to; g++) map[g] = char.ConvertFromUtf32(first + g - from);
            }
        }
        return map;
    }

    private static string Unicode(string hex)
    {
        var sb = new StringBuilder();
        for (var i = 0; i + 4 <= hex.Length; i += 4) sb.Append((char)Convert.ToInt32(hex[i..(i + 4)], 16));
        return sb.ToString();
    }

    private static byte[] Inflate(byte[] bytes)
    {
        using var input = new ZLibStream(new MemoryStream(bytes), CompressionMode.Decompress);
        using var output = new MemoryStream();
        input.CopyTo(output);
        return output.ToArray();
    }

    [GeneratedRegex(@"(\d+) 0 obj(.*?)endobj", RegexOptions.Singleline)]
    private static partial Regex ObjectPattern();

    [GeneratedRegex(@"/(F\d+) (\d+) 0 R")]
    private static partial Regex FontRefPattern();

    [GeneratedRegex(@"/ToUnicode (\d+) 0 R")]
    private static partial Regex ToUnicodePattern();

    [GeneratedRegex(@"/(?<font>F\d+) [\d.]+ Tf|(?<tm>[-\d. ]+ Tm)|<[0-9A-Fa-f]+>\s*Tj|\[[^\]]*\]\s*TJ")]
    private static partial Regex OperatorPattern();

    [GeneratedRegex(@"<([0-9A-Fa-f]+)>")]
    private static partial Regex HexPattern();
}
