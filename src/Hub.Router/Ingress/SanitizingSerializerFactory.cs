using System.Net.Mime;
using MassTransit;
using MassTransit.Serialization;

namespace Hub.Router.Ingress;

/// <summary>
/// The MassTransit JSON envelope format for the ingress endpoints, reading through <see cref="SanitizingDeserializer"/>,
/// which refuses a body larger than <paramref name="maxBodyBytes"/> (<c>Router:MaxEventBytes</c>) before reading it.
/// </summary>
public sealed class SanitizingSerializerFactory(int maxBodyBytes) : ISerializerFactory
{
    public ContentType ContentType => SystemTextJsonMessageSerializer.JsonContentType;

    public IMessageSerializer CreateSerializer() => SystemTextJsonMessageSerializer.Instance;

    public IMessageDeserializer CreateDeserializer() => new SanitizingDeserializer(SystemTextJsonMessageSerializer.Instance, maxBodyBytes);
}
