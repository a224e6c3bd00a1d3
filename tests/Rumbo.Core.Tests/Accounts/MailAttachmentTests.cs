using System.Net;
using System.Net.Sockets;
using System.Text;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Rumbo.Core.Accounts;
using Rumbo.TestSupport;

namespace Rumbo.Core.Tests.Accounts;

public sealed class MailAttachmentTests : IDisposable
{
    private readonly string folder = Path.Combine(Path.GetTempPath(), "rumbo-mail-tests", Guid.NewGuid().ToString("n"));

    private const string Ics = "BEGIN:VCALENDAR\r\nMETHOD:REQUEST\r\nBEGIN:VEVENT\r\nSUMMARY:Reunión\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n";

    private static readonly MailAttachment Invite = new("invite.ics", "text/calendar; method=REQUEST; charset=utf-8", Encoding.UTF8.GetBytes(Ics));

    public void Dispose()
    {
        if (Directory.Exists(folder)) Directory.Delete(folder, recursive: true);
    }

    [Fact]
    public async Task A_message_with_an_attachment_is_written_as_a_mime_multipart_eml()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection([]).Build();
        var sender = new ServiceCollection().AddRumboMail(configuration, folder).BuildServiceProvider().GetRequiredService<IMailSender>();
        await sender.SendAsync(new OutgoingMail("ana@example.org", "Invitación", "Hola, Ana:\nUna línea.", [Invite]));
        var text = await File.ReadAllTextAsync(Assert.Single(Directory.GetFiles(Path.Combine(folder, "mail"), "*.eml")));

        var message = Mime.Parse(text);
        Assert.Equal("ana@example.org", message.Headers["To"]);
        Assert.Equal("1.0", message.Headers["MIME-Version"]);
        Assert.StartsWith("multipart/mixed; boundary=", message.Headers["Content-Type"]);
        Assert.Equal(2, message.Parts.Count);
        Assert.Equal("text/plain; charset=utf-8", message.Parts[0].Headers["Content-Type"]);
        Assert.Equal("Hola, Ana:\r\nUna línea.\r\n", message.Parts[0].Text);
        var ics = message.Parts[1];
        Assert.Equal("text/calendar; method=REQUEST; charset=utf-8; name=\"invite.ics\"", ics.Headers["Content-Type"]);
        Assert.Equal("attachment; filename=\"invite.ics\"", ics.Headers["Content-Disposition"]);
        Assert.Equal(Ics, ics.Text);
        // Every line of the file ends in CRLF, as RFC 5322 wants.
        Assert.DoesNotContain("\n", text.Replace("\r\n", ""));
    }

    [Fact]
    public async Task Smtp_sends_the_attachment_as_a_text_calendar_part_of_a_multipart_message()
    {
        using var server = new CapturingSmtpServer();
        var sender = new SmtpMailSender(new MailOptions { SmtpHost = "127.0.0.1", Port = server.Port, EnableSsl = false, From = "Rumbo <rumbo@example.org>" });
        var send = sender.SendAsync(new OutgoingMail("ana@example.org", "Invitation", "Hello, Ana.", [Invite]));
        var data = await server.ReceiveAsync();
        await send;

        var message = Mime.Parse(data);
        Assert.StartsWith("multipart/mixed", message.Headers["Content-Type"]);
        Assert.Contains(message.Parts, p => p.Text.Contains("Hello, Ana.", StringComparison.Ordinal));
        var ics = Assert.Single(message.Parts, p => p.Headers["Content-Type"].StartsWith("text/calendar", StringComparison.Ordinal));
        Assert.Contains("method=REQUEST", ics.Headers["Content-Type"]);
        Assert.Equal(Ics, ics.Text);
    }

    /// <summary>Just enough SMTP to take one message and hand over its DATA.</summary>
    private sealed class CapturingSmtpServer : IDisposable
    {
        private readonly TcpListener listener = new(IPAddress.Loopback, 0);

        public CapturingSmtpServer() => listener.Start();

        public int Port => ((IPEndPoint)listener.LocalEndpoint).Port;

        public async Task<string> ReceiveAsync()
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
            using var client = await listener.AcceptTcpClientAsync(timeout.Token);
            await using var stream = client.GetStream();
            using var reader = new StreamReader(stream, Encoding.UTF8);
            await using var writer = new StreamWriter(stream, new UTF8Encoding(false)) { NewLine = "\r\n", AutoFlush = true };
            await writer.WriteLineAsync("220 test");
            var data = new StringBuilder();
            while (await reader.ReadLineAsync(timeout.Token) is { } line)
            {
                var verb = line.Split(' ')[0].ToUpperInvariant();
                if (verb is "EHLO" or "HELO") await writer.WriteLineAsync("250 test");
                else if (verb == "DATA")
                {
                    await writer.WriteLineAsync("354 go on");
                    while (await reader.ReadLineAsync(timeout.Token) is { } body && body != ".")
                    {
                        data.Append(body.StartsWith("..", StringComparison.Ordinal) ? body[1..] : body).Append("\r\n");
                    }
                    await writer.WriteLineAsync("250 queued");
                }
                else if (verb == "QUIT")
                {
                    await writer.WriteLineAsync("221 bye");
                    break;
                }
                else await writer.WriteLineAsync("250 ok");
            }
            return data.ToString();
        }

        public void Dispose() => listener.Stop();
    }
}
