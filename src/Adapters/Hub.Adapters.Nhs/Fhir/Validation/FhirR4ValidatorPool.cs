using System.Collections.Concurrent;
using Firely.Fhir.Validation;

namespace Hub.Adapters.Nhs.Fhir.Validation;

/// <summary>
/// Firely validators, each used by one thread at a time (<see cref="FhirR4Specification"/>), shared by the process.
/// A validator is made when every existing one is busy, up to <see cref="Size"/> (the processor count, 2 to 32:
/// validation is all CPU, so more would only queue); beyond that a caller waits for one to come back. The first one
/// waits for the specification to load (seconds); each later one copies the parsed definitions and compiles a type's
/// schemas on its first resource of that type (about a second for the four mapped types, and some 20 MB it keeps).
/// </summary>
public static class FhirR4ValidatorPool
{
    private static readonly int MaxSize = Math.Clamp(Environment.ProcessorCount, 2, 32);
    private static readonly SemaphoreSlim Slots = new(MaxSize, MaxSize);
    private static readonly ConcurrentBag<Validator> Idle = [];

    /// <summary>The most validators in use at once.</summary>
    public static int Size => MaxSize;

    /// <summary>Runs <paramref name="validate"/> with a validator no other thread is using.</summary>
    public static T With<T>(Func<Validator, T> validate)
    {
        ArgumentNullException.ThrowIfNull(validate);
        Slots.Wait();
        var validator = Idle.TryTake(out var idle) ? idle : null;
        try
        {
            validator ??= FhirR4Specification.CreateValidator();
            return validate(validator);
        }
        finally
        {
            if (validator is not null)
            {
                Idle.Add(validator);
            }

            Slots.Release();
        }
    }
}
