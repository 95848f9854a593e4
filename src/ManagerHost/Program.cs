using System.Globalization;
using Runtime.Engines;

// manager-host COUNT COMMAND [ARGUMENT...]
// Starts COUNT engines running COMMAND through the runtime's EngineLauncher, writes 'engine pid N' for each,
// then 'ready', and runs until it is killed or stopped. It never stops its engines itself: whether they
// survive it is what the specs observe.
if (args.Length < 2 || !int.TryParse(args[0], NumberStyles.None, CultureInfo.InvariantCulture, out var count) || count < 1)
{
    Console.Error.WriteLine("usage: manager-host COUNT COMMAND [ARGUMENT...]");
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
