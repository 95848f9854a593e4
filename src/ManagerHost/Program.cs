using System.Globalization;
using Runtime.Engines;
using Runtime.Pools;

// manager-host COUNT COMMAND [ARGUMENT...]
//   Starts COUNT engines running COMMAND through the runtime's EngineLauncher, writes 'engine pid N' for each,
//   then 'ready', and runs until it is killed or stopped. It never stops its engines itself: whether they
//   survive it is what the specs observe.
// manager-host --write-state PATH
//   Registers pool-1, pool-2, ... in a registry saving to PATH, one after another without end, and writes
//   'saved N' once the save of pool-N has returned (it is on disk). A test kills it mid-write.
if (args is ["--write-state", var path])
{
    var registry = new PoolRegistry(new PoolRegistryOptions { StateFilePath = path });
    for (var n = 1; ; n++)
    {
        registry.Register($"pool-{n}", new EngineSpec("engine", ["--model", "{model}"], "llama-7b-v1", "1.0"), new Dictionary<string, string> { ["n"] = n.ToString(CultureInfo.InvariantCulture) });
        Console.Out.WriteLine($"saved {n}");
        Console.Out.Flush();
    }
}

if (args.Length < 2 || !int.TryParse(args[0], NumberStyles.None, CultureInfo.InvariantCulture, out var count) || count < 1)
{
    Console.Error.WriteLine("usage: manager-host COUNT COMMAND [ARGUMENT...] | manager-host --write-state PATH");
    return 2;
}

var launcher = new EngineLauncher();
for (var i = 0; i < count; i++)
{
    var engine = launcher.Start(new EngineLaunchRequest(args[1], args[2..]));
    Console.Out.WriteLine($"engine pid {engine.Pid}");
}

Console.Out.WriteLine("ready");
Console.Out.Flush();
await Task.Delay(Timeout.Infinite);
return 0;
