using System.Net.Mime;
using MassTransit;
using MassTransit.Serialization;

namespace Hub.Router.Ingress;

/// <summary>The MassTransit JSON envelope format for the ingress endpoints, reading through <see cref="SanitizingDeserializer"/>.</summary>
public sealed class SanitizingSerializerFactory : ISerializerFactory
{
    public ContentType ContentType => SystemTextJsonMessageSerializer.JsonContentType;

    public IMessageSerializer CreateSerializer() => SystemTextJsonMessageSerializer.Instance;

    public IMessageDeserializer CreateDeserializer() => new SanitizingDeserializer(SystemTextJsonMessageSerializer.Instance);
}
