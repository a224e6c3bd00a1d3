using System.Globalization;
using System.Text;
using CsvHelper;
using CsvHelper.Configuration;
using Rumbo.Core.Exports;

namespace Rumbo.Core.Tests.Exports;

/// <summary>
/// Rumbo's CSV writer: RFC 4180 quoting as CsvHelper wrote it, UTF-8 with its byte order mark, numbers in the invariant
/// culture, fields longer than its buffer, streams that flush as they fill; and every text read back by CsvHelper as written.
/// </summary>
public sealed class CsvStreamWriterTests
{
    private static string Write(Action<CsvStreamWriter> write, bool bom = false)
    {
        using var stream = new MemoryStream();
        using (var csv = new CsvStreamWriter(stream, bom)) write(csv);
        return Encoding.UTF8.GetString(stream.ToArray());
    }

    [Theory]
    [InlineData("plain", "plain")]
    [InlineData("", "")]
    [InlineData("a,b", "\"a,b\"")]
    [InlineData("say \"hi\"", "\"say \"\"hi\"\"\"")]
    [InlineData("two\nlines", "\"two\nlines\"")]
    [InlineData("carriage\rreturn", "\"carriage\rreturn\"")]
    [InlineData(" leading", "\" leading\"")]
    [InlineData("trailing ", "\"trailing \"")]
    [InlineData("inner space", "inner space")]
    [InlineData("Política pública – São Paulo, 2025", "\"Política pública – São Paulo, 2025\"")]
    [InlineData("\"", "\"\"\"\"")]
    public void A_field_is_quoted_only_when_it_must_be(string text, string expected)
    {
        Assert.Equal(expected + "\r\n", Write(csv => { csv.Field(text); csv.EndRow(); }));
    }

    [Fact]
    public void Numbers_are_invariant_and_doubles_round_trip()
    {
        var previous = CultureInfo.CurrentCulture;
        CultureInfo.CurrentCulture = new CultureInfo("es-CL");
        try
        {
            var text = Write(csv =>
            {
                csv.Field(-42);
                csv.Field(int.MinValue);
                csv.Field(0.1 + 0.2);
                csv.Field(-1.5e-7);
                csv.Field(12345678.25);
                csv.Field((string?)null);
                csv.EndRow();
            });
            Assert.Equal("-42,-2147483648,0.30000000000000004,-1.5E-07,12345678.25,\r\n", text);
            Assert.Equal(0.1 + 0.2, double.Parse(text.Split(',')[2], CultureInfo.InvariantCulture));
        }
        finally
        {
            CultureInfo.CurrentCulture = previous;
        }
    }

    [Fact]
    public void The_byte_order_mark_opens_the_file_when_asked()
    {
        using var stream = new MemoryStream();
        using (var csv = new CsvStreamWriter(stream)) { csv.Field("a"); csv.EndRow(); }
        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF, (byte)'a', (byte)'\r', (byte)'\n' }, stream.ToArray());
    }

    [Fact]
    public async Task Texts_of_every_kind_read_back_as_written_through_a_stream_that_flushes_as_it_fills()
    {
        var random = new Random(20261207);
        const string alphabet = "abc ,\"\r\n;'=+-@\tñçãé€😀";
        var rows = Enumerable.Range(0, 3000).Select(_ => Enumerable.Range(0, 5).Select(_ =>
        {
            var length = random.Next(0, random.Next(0, 10) == 0 ? 70_000 : 40);
            var chars = new StringBuilder();
            while (chars.Length < length)
            {
                var i = random.Next(alphabet.Length);
                // Keep surrogate pairs whole.
                if (char.IsHighSurrogate(alphabet[i])) chars.Append(alphabet, i, 2);
                else if (!char.IsLowSurrogate(alphabet[i])) chars.Append(alphabet[i]);
            }
            return chars.ToString();
        }).ToArray()).ToList();

        using var stream = new MemoryStream();
        await using (var csv = new CsvStreamWriter(stream))
        {
            foreach (var row in rows)
            {
                foreach (var cell in row) csv.Field(cell);
                csv.EndRow();
                await csv.FlushIfFullAsync(CancellationToken.None);
            }
        }
        stream.Position = 0;
        using var reader = new StreamReader(stream, Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        using var parser = new CsvReader(reader, new CsvConfiguration(CultureInfo.InvariantCulture) { HasHeaderRecord = false, TrimOptions = TrimOptions.None });
        var read = new List<string[]>();
        while (await parser.ReadAsync()) read.Add(Enumerable.Range(0, parser.Parser.Count).Select(i => parser.GetField(i)!).ToArray());
        Assert.Equal(rows.Count, read.Count);
        for (var r = 0; r < rows.Count; r++) Assert.Equal(rows[r], read[r]);
    }

    [Fact]
    public async Task Rows_written_apart_go_to_a_stream_after_the_rows_flushed_before_them()
    {
        using var stream = new MemoryStream();
        await using var csv = new CsvStreamWriter(stream, byteOrderMark: false);
        csv.Field("head");
        csv.EndRow();
        await csv.FlushAsync(CancellationToken.None);
        using var part = new CsvStreamWriter(Stream.Null, byteOrderMark: false);
        part.Field("x,y");
        part.Field(2);
        part.EndRow();
        await part.WriteToAsync(stream, CancellationToken.None);
        // What was written is forgotten: a second write adds nothing.
        await part.WriteToAsync(stream, CancellationToken.None);
        part.Field("begun");
        await Assert.ThrowsAsync<InvalidOperationException>(() => part.WriteToAsync(stream, CancellationToken.None).AsTask());
        Assert.Equal("head\r\n\"x,y\",2\r\n", Encoding.UTF8.GetString(stream.ToArray()));
    }
}
