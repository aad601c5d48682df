using System.Text.Json;
using Hub.Simulation.Timeline;

namespace Hub.Simulation.Formats;

/// <summary>
/// The housing options export (<c>housing-applications-*.json</c>): one JSON array of camelCase objects, as
/// samples/council/housing-applications.json and the council adapter's HousingApplicationMapper read it.
/// </summary>
public static class HousingApplicationsFormat
{
    public static byte[] Render(IEnumerable<HousingApplication> applications)
    {
        ArgumentNullException.ThrowIfNull(applications);
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartArray();
            foreach (var application in applications)
            {
                json.WriteStartObject();
                json.WriteString("applicationRef", application.ApplicationRef);
                json.WriteString("submittedAt", Instants.Text(application.SubmittedAt));
                json.WriteString("applicantNino", application.Applicant.Nino);
                json.WriteString("declaredJobStart", Instants.Text(application.DeclaredJobStart));
                json.WriteBoolean("verifyEmployment", true);
                json.WriteEndObject();
            }

            json.WriteEndArray();
        }

        return buffer.ToArray();
    }
}
