namespace Runtime.ExecutionContexts.Backends;

/// <summary>
/// A backend that does what a specification tells it: answer, fail on the next call, fail once after
/// N more calls, fail always (from now or after N more calls), or answer after a delay measured on a <see cref="TimeProvider"/>.
/// Failures are error results or exceptions (<see cref="BackendFailureMode"/>). Thread-safe.
/// </summary>
/// <remarks>By default every call succeeds at once with the output "ok".</remarks>
public sealed class ScriptedBackend : IModelBackend
{
    private readonly object _lock = new();
    private readonly TimeProvider _time;
    private string _output = "ok";
    private long _failOnCall;
    private long _failFromCall;
    private bool _failAlways;
    private string _failure = "backend failed";
    private BackendFailureMode _mode;
    private TimeSpan _delay;
    private long _calls;

    /// <summary>Creates a backend whose delays run on <paramref name="time"/> (default <see cref="TimeProvider.System"/>).</summary>
    public ScriptedBackend(TimeProvider? time = null)
    {
        _time = time ?? TimeProvider.System;
    }

    /// <summary>Calls received so far, failed or not.</summary>
    public long Calls => Interlocked.Read(ref _calls);

    /// <summary>Answers <paramref name="output"/> on success from now on.</summary>
    public ScriptedBackend RespondWith(string output)
    {
        lock (_lock)
        {
            _output = output;
        }

        return this;
    }

    /// <summary>Fails the very next call only.</summary>
    public ScriptedBackend FailNextCall(string message = "backend failed", BackendFailureMode mode = BackendFailureMode.ErrorResult) =>
        FailAfter(0, message, mode);

    /// <summary>Lets <paramref name="calls"/> more calls succeed, then fails the one after (once).</summary>
    /// <exception cref="ArgumentOutOfRangeException">When <paramref name="calls"/> is negative.</exception>
    public ScriptedBackend FailAfter(int calls, string message = "backend failed", BackendFailureMode mode = BackendFailureMode.ErrorResult)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(calls);
        lock (_lock)
        {
            _failOnCall = Interlocked.Read(ref _calls) + calls + 1;
            SetFailure_NeedsLock(message, mode);
        }

        return this;
    }

    /// <summary>Fails every call from now on, until <see cref="Heal"/>.</summary>
    public ScriptedBackend FailAlways(string message = "backend failed", BackendFailureMode mode = BackendFailureMode.ErrorResult)
    {
        lock (_lock)
        {
            _failAlways = true;
            SetFailure_NeedsLock(message, mode);
        }

        return this;
    }

    /// <summary>Lets <paramref name="calls"/> more calls succeed, then fails every call after them, until <see cref="Heal"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">When <paramref name="calls"/> is negative.</exception>
    public ScriptedBackend FailAlwaysAfter(int calls, string message = "backend failed", BackendFailureMode mode = BackendFailureMode.ErrorResult)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(calls);
        lock (_lock)
        {
            _failFromCall = Interlocked.Read(ref _calls) + calls + 1;
            SetFailure_NeedsLock(message, mode);
        }

        return this;
    }

    /// <summary>Cancels every scripted failure: calls succeed again.</summary>
    public ScriptedBackend Heal()
    {
        lock (_lock)
        {
            _failAlways = false;
            _failOnCall = 0;
            _failFromCall = 0;
        }

        return this;
    }

    /// <summary>Completes every call <paramref name="delay"/> after it starts, on the time provider (zero: at once).</summary>
    /// <exception cref="ArgumentOutOfRangeException">When <paramref name="delay"/> is negative.</exception>
    public ScriptedBackend RespondAfter(TimeSpan delay)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(delay, TimeSpan.Zero);
        lock (_lock)
        {
            _delay = delay;
        }

        return this;
    }

    /// <inheritdoc />
    public ValueTask<BackendResult> InvokeAsync(ModelRequest request, CancellationToken cancellationToken)
    {
        bool fail;
        string output, failure;
        BackendFailureMode mode;
        TimeSpan delay;
        lock (_lock)
        {
            var call = Interlocked.Increment(ref _calls);
            fail = _failAlways || call == _failOnCall || (_failFromCall > 0 && call >= _failFromCall);
            output = _output;
            failure = _failure;
            mode = _mode;
            delay = _delay;
        }

        if (delay > TimeSpan.Zero)
        {
            return AnswerLaterAsync(delay, fail, output, failure, mode, cancellationToken);
        }

        return new ValueTask<BackendResult>(Answer(fail, output, failure, mode));
    }

    private async ValueTask<BackendResult> AnswerLaterAsync(TimeSpan delay, bool fail, string output, string failure, BackendFailureMode mode, CancellationToken cancellationToken)
    {
        await Task.Delay(delay, _time, cancellationToken).ConfigureAwait(false);
        return Answer(fail, output, failure, mode);
    }

    private static BackendResult Answer(bool fail, string output, string failure, BackendFailureMode mode)
    {
        if (!fail)
        {
            return BackendResult.Success(output);
        }

        return mode == BackendFailureMode.Exception ? throw new ScriptedBackendException(failure) : BackendResult.Failure(failure);
    }

    private void SetFailure_NeedsLock(string message, BackendFailureMode mode)
    {
        _failure = message;
        _mode = mode;
    }
}
