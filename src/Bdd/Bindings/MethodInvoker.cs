using System.Linq.Expressions;
using System.Reflection;

namespace Bdd.Bindings;

/// <summary>
/// A compiled call of a binding method: (instance or null, arguments) → result, where a Task, ValueTask
/// or ValueTask&lt;T&gt; result is returned as a Task to await. Exceptions from the method propagate unwrapped.
/// </summary>
internal static class MethodInvoker
{
    public static Func<object?, object?[], object?> Compile(MethodInfo method)
    {
        var instance = Expression.Parameter(typeof(object), "instance");
        var args = Expression.Parameter(typeof(object?[]), "args");
        var parameters = method.GetParameters();
        var arguments = new Expression[parameters.Length];
        for (var i = 0; i < parameters.Length; i++)
        {
            var type = parameters[i].ParameterType;
            arguments[i] = Expression.Convert(Expression.ArrayIndex(args, Expression.Constant(i)), type);
        }
        Expression call = method.IsStatic
            ? Expression.Call(method, arguments)
            : Expression.Call(Expression.Convert(instance, method.DeclaringType!), method, arguments);

        var returnType = method.ReturnType;
        Expression body;
        if (returnType == typeof(void))
            body = Expression.Block(call, Expression.Constant(null, typeof(object)));
        else if (returnType == typeof(ValueTask) || (returnType.IsGenericType && returnType.GetGenericTypeDefinition() == typeof(ValueTask<>)))
            body = Expression.Convert(Expression.Call(call, returnType.GetMethod(nameof(ValueTask.AsTask))!), typeof(object));
        else
            body = Expression.Convert(call, typeof(object));
        return Expression.Lambda<Func<object?, object?[], object?>>(body, instance, args).Compile();
    }

    /// <summary>Awaits a Task result; other results complete synchronously.</summary>
    public static ValueTask AwaitAsync(object? result) => result is Task task ? new ValueTask(task) : ValueTask.CompletedTask;

    /// <summary>The result of a Task&lt;T&gt; (or the value itself).</summary>
    public static async ValueTask<object?> ResultAsync(object? result)
    {
        if (result is not Task task)
            return result;
        await task;
        var type = task.GetType();
        return type.IsGenericType ? type.GetProperty("Result")!.GetValue(task) : null;
    }
}
