using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Rumbo.Core.Accounts;

namespace Rumbo.Core.Tests.Accounts;

public sealed class MailTests : IDisposable
{
    private readonly string folder = Path.Combine(Path.GetTempPath(), "rumbo-mail-tests", Guid.NewGuid().ToString("n"));

    public void Dispose()
    {
        if (Directory.Exists(folder)) Directory.Delete(folder, recursive: true);
    }

    private static IMailSender SenderFor(Dictionary<string, string?> settings, string dataDirectory)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        return new ServiceCollection().AddRumboMail(configuration, dataDirectory).BuildServiceProvider().GetRequiredService<IMailSender>();
    }

    [Fact]
    public void Without_an_smtp_host_mail_goes_to_the_pickup_folder_and_with_one_to_smtp()
    {
        Assert.IsType<PickupFolderMailSender>(SenderFor([], folder));
        Assert.IsType<SmtpMailSender>(SenderFor(new() { ["Rumbo:Mail:SmtpHost"] = "smtp.example.org" }, folder));
    }

    [Fact]
    public async Task A_message_is_written_as_an_eml_file_with_its_headers_and_body()
    {
        var sender = SenderFor(new() { ["Rumbo:Mail:From"] = "Rumbo <no-reply@example.org>" }, folder);
        await sender.SendAsync(new OutgoingMail("ana@example.org", "Invitación a Rumbo", "Hola, Ana:\n\nUna línea.\n"));
        var file = Assert.Single(Directory.GetFiles(Path.Combine(folder, "mail"), "*.eml"));
        var text = await File.ReadAllTextAsync(file);
        var (head, body) = (text[..text.IndexOf("\r\n\r\n", StringComparison.Ordinal)], text[(text.IndexOf("\r\n\r\n", StringComparison.Ordinal) + 4)..]);
        var headers = head.Split("\r\n").Select(h => h.Split(": ", 2)).ToDictionary(h => h[0], h => h[1]);
        Assert.Equal("Rumbo <no-reply@example.org>", headers["From"]);
        Assert.Equal("ana@example.org", headers["To"]);
        Assert.Equal("=?utf-8?B?SW52aXRhY2nDs24gYSBSdW1ibw==?=", headers["Subject"]);
        Assert.True(DateTimeOffset.TryParse(headers["Date"], out var date));
        Assert.InRange(DateTimeOffset.UtcNow - date, TimeSpan.Zero, TimeSpan.FromMinutes(1));
        Assert.Equal("text/plain; charset=utf-8", headers["Content-Type"]);
        Assert.Equal("Hola, Ana:\r\n\r\nUna línea.\r\n", body);
    }
}
