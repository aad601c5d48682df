using System.Collections.Concurrent;
using Firely.Fhir.Validation;

namespace Hub.Adapters.Nhs.Fhir.Validation;

/// <summary>
/// Firely validators, each used by one thread at a time (<see cref="FhirR4Specification"/>), shared by the process.
/// A validator is made when every existing one is busy, up to <see cref="Size"/> (the processor count: validation is
/// all CPU, so more would only queue); beyond that a caller waits for one to come back. Each compiles its schemas on
/// its first resource of a type (tens of milliseconds once the specification is loaded), and keeps them.
/// </summary>
public static class FhirR4ValidatorPool
{
    private static readonly int MaxSize = Math.Max(2, Environment.ProcessorCount);
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
