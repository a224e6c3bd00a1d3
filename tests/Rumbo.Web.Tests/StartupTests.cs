using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Rumbo.Web.Tests;

/// <summary>
/// Rumbo started as a process, as a container or a service manager starts it: the address it listens on comes from
/// the standard ASP.NET Core settings, and a data folder or site address it cannot use stops it with a message.
/// </summary>
public sealed class StartupTests : IDisposable
{
    private readonly string root = Directory.CreateTempSubdirectory("rumbo-startup-").FullName;

    public void Dispose()
    {
        try
        {
            Directory.Delete(root, recursive: true);
        }
        catch (IOException)
        {
            // The process may still hold the SQLite file for a moment; the temporary folder is cleaned by the system.
        }
    }

    private static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }

    /// <summary>The project's folder is the content root, so its appsettings.json applies as it does under `dotnet run`.</summary>
    private static string ProjectFolder()
    {
        for (var d = new DirectoryInfo(AppContext.BaseDirectory); d is not null; d = d.Parent)
        {
            var project = Path.Combine(d.FullName, "src", "Rumbo.Web");
            if (File.Exists(Path.Combine(project, "appsettings.json"))) return project;
        }
        throw new InvalidOperationException("src/Rumbo.Web not found above the test's folder.");
    }

    private Process Start(Dictionary<string, string?> environment)
    {
        var info = new ProcessStartInfo("dotnet", [typeof(Program).Assembly.Location])
        {
            WorkingDirectory = ProjectFolder(),
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var name in new[] { "ASPNETCORE_URLS", "ASPNETCORE_HTTP_PORTS", "ASPNETCORE_HTTPS_PORTS", "DOTNET_URLS", "ASPNETCORE_ENVIRONMENT", "DOTNET_ENVIRONMENT" })
        {
            info.Environment.Remove(name);
        }
        info.Environment["Rumbo__Database"] = "sqlite";
        info.Environment["ConnectionStrings__Rumbo"] = "";
        info.Environment["Rumbo__DataDirectory"] = Path.Combine(root, "data");
        info.Environment["Rumbo__SeedDemoData"] = "false";
        foreach (var (name, value) in environment) info.Environment[name] = value;
        return Process.Start(info)!;
    }

    private static async Task<HttpStatusCode?> HealthAsync(int port, Process process)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var until = DateTime.UtcNow.AddSeconds(90);
        while (DateTime.UtcNow < until && !process.HasExited)
        {
            try
            {
                return (await http.GetAsync($"http://127.0.0.1:{port}/health")).StatusCode;
            }
            catch (HttpRequestException)
            {
                await Task.Delay(250);
            }
        }
        return null;
    }

    private static void Stop(Process process)
    {
        if (!process.HasExited) process.Kill();
        process.WaitForExit(10_000);
        process.Dispose();
    }

    [Theory]
    [InlineData("ASPNETCORE_URLS")]
    [InlineData("ASPNETCORE_HTTP_PORTS")]
    public async Task The_standard_address_settings_choose_the_port(string setting)
    {
        var port = FreePort();
        var process = Start(new() { [setting] = setting == "ASPNETCORE_URLS" ? $"http://127.0.0.1:{port}" : port.ToString() });
        try
        {
            var status = await HealthAsync(port, process);
            Assert.True(status == HttpStatusCode.OK, $"No answer on port {port} from {setting}: {(process.HasExited ? await process.StandardError.ReadToEndAsync() : "still running")}");
        }
        finally
        {
            Stop(process);
        }
    }

    private async Task<(int Code, string Error)> FailedStartAsync(Dictionary<string, string?> environment)
    {
        var process = Start(environment);
        try
        {
            var error = process.StandardError.ReadToEndAsync();
            Assert.True(process.WaitForExit(90_000), "Rumbo should have stopped at start-up.");
            return (process.ExitCode, await error);
        }
        finally
        {
            Stop(process);
        }
    }

    [Fact]
    public async Task A_data_folder_that_cannot_be_written_stops_the_start_with_a_message_naming_it()
    {
        // A path taken by a file cannot become the folder.
        var file = Path.Combine(root, "not-a-folder");
        await File.WriteAllTextAsync(file, "a file where the data folder should be");
        var (code, error) = await FailedStartAsync(new() { ["Rumbo__DataDirectory"] = file });
        Assert.Equal(1, code);
        Assert.Contains($"Rumbo:DataDirectory \"{file}\" cannot be written", error);
        Assert.DoesNotContain("   at ", error);

        // A folder that exists but takes no new file. Permissions do not stop the superuser, so there it is /proc/self.
        var readOnly = Path.Combine(root, "read-only");
        Directory.CreateDirectory(readOnly);
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(readOnly, UnixFileMode.UserRead | UnixFileMode.UserExecute);
        var writable = true;
        try
        {
            File.WriteAllText(Path.Combine(readOnly, "probe"), "");
        }
        catch (UnauthorizedAccessException)
        {
            writable = false;
        }
        if (writable) readOnly = "/proc/self";
        (code, error) = await FailedStartAsync(new() { ["Rumbo__DataDirectory"] = readOnly });
        Assert.Equal(1, code);
        Assert.Contains($"Rumbo:DataDirectory \"{readOnly}\" cannot be written", error);
    }

    [Fact]
    public async Task A_site_address_that_is_not_an_address_stops_the_start_with_a_message_naming_the_setting()
    {
        var (code, error) = await FailedStartAsync(new() { ["Rumbo__Mail__SiteUrl"] = "rumbo.example.org" });
        Assert.Equal(1, code);
        Assert.Contains("Rumbo:Mail:SiteUrl \"rumbo.example.org\" is not the site's public address", error);
    }

    [Fact]
    public async Task A_time_zone_that_is_not_a_zone_stops_the_start_with_a_message_naming_the_setting()
    {
        var (code, error) = await FailedStartAsync(new() { ["Rumbo__TimeZone"] = "Santiago" });
        Assert.Equal(1, code);
        Assert.Contains("Rumbo:TimeZone \"Santiago\" is not an IANA time zone", error);
        Assert.DoesNotContain("   at ", error);
    }
}
