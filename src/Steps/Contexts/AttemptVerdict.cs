namespace Steps.Contexts;

/// <summary>How an attempt ended, as a scenario says it: "Then the attempt is granted".</summary>
public enum AttemptVerdict
{
    /// <summary>Done.</summary>
    Granted,

    /// <summary>Refused: budget, fault, tenant limit, bad input.</summary>
    Refused,

    /// <summary>Refused because the caller's tenant does not own the context.</summary>
    Forbidden,

    /// <summary>The runtime threw instead of answering (never expected: the caller gets an answer, never an exception).</summary>
    Threw,
}
