using Bdd.Bindings;
using Bdd.BoDi;

namespace Bdd.Execution;

/// <summary>Runs one hook: instance and parameters from the container, awaited; returns the user exception or null.</summary>
internal static class HookInvoker
{
    public static async Task<Exception?> RunAsync(HookBinding hook, ObjectContainer container)
    {
        try
        {
            var instance = hook.Method.IsStatic ? null : container.Resolve(hook.BindingType);
            var args = new object?[hook.ParameterTypes.Length];
            for (var i = 0; i < args.Length; i++)
                args[i] = container.Resolve(hook.ParameterTypes[i]);
            await MethodInvoker.AwaitAsync(hook.Invoke(instance, args));
            return null;
        }
        catch (Exception e)
        {
            return Failures.Unwrap(e);
        }
    }

    public static string Name(HookBinding hook) => $"[{hook.Kind}] {hook.Display}";
}
