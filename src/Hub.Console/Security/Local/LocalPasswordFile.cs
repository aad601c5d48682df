using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Hub.WebConsole.Security.Local;

/// <summary>Writes the generated password to <see cref="LocalSignInOptions.PasswordFile"/> at start-up, readable by its owner only.</summary>
internal sealed class LocalPasswordFile(LocalPassword password, IOptions<SignInOptions> options) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var path = options.Value.Local.PasswordFile;
        if (string.IsNullOrWhiteSpace(path))
        {
            return;
        }

        // A file left by an earlier run may carry wider permissions: a new file gets the owner-only mode.
        File.Delete(path);
        var create = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            create.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        await using var stream = new FileStream(path, create);
        await using var writer = new StreamWriter(stream);
        await writer.WriteLineAsync(password.Value.AsMemory(), cancellationToken);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
