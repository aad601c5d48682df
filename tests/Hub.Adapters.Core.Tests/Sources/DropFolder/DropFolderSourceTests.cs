using Hub.Adapters.Core.Sources.DropFolder;
using Hub.Adapters.Core.Tests.Sources.Support;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Hub.Adapters.Core.Tests.Sources.DropFolder;

public sealed class DropFolderSourceTests
{
    [Fact]
    public async Task When_the_source_has_started_should_have_created_the_folder_layout_so_files_can_be_dropped_at_once()
    {
        await using var host = await SourceTestHost.StartAsync();
        Directory.Delete(host.Root, recursive: true);
        var options = Options.Create(new DropFolderOptions { Enabled = true, Path = host.Root, PollInterval = TimeSpan.FromHours(1) });
        var source = new DropFolderSource(host.Processor, options, TimeProvider.System, NullLogger<DropFolderSource>.Instance);

        await source.StartAsync(CancellationToken.None);
        try
        {
            Directory.Exists(host.Layout.Inbox).ShouldBeTrue();
            Directory.Exists(host.Layout.Quarantine).ShouldBeTrue();
        }
        finally
        {
            await source.StopAsync(CancellationToken.None);
        }
    }
}
