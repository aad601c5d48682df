using Hub.Cli.Commands.Ops;

namespace Hub.Cli.Tests.Ops;

/// <summary>
/// What <c>hub ops dlq list|show</c> print about a dead-lettered message: ids, codes and types, never a value from
/// the payload or from a fault message that something other than the router wrote.
/// </summary>
public class DeadLetterReaderTests
{
    private static readonly string[] Planted = [DeadLetterSamples.Name, DeadLetterSamples.Address, DeadLetterSamples.Nhs, "Leakage", "Planted"];

    [Fact]
    public void When_a_driver_exception_quotes_the_payload_should_print_its_type_and_withhold_its_message()
    {
        var message = DeadLetterSamples.Message(
            "hub.ingress.probation_error",
            DeadLetterSamples.ReleaseBody(),
            "Npgsql.PostgresException",
            $"23505: duplicate key value violates unique constraint; Key (full_name)=({DeadLetterSamples.Name}, {DeadLetterSamples.Address}) already exists.");

        var letter = DeadLetterReader.Read(message);
        var printed = DeadLetterSamples.Printed(letter);

        letter.ExceptionType.ShouldBe("Npgsql.PostgresException");
        letter.ReasonCode.ShouldBeNull();
        letter.FaultMessageWithheld.ShouldBeTrue();
        printed.ShouldContain("Npgsql.PostgresException (message withheld)");
        printed.ShouldContain($"event {DeadLetterSamples.EventId}");
        printed.ShouldContain("custody.release.scheduled");
        printed.ShouldContain("from probation");
        printed.ShouldContain("failed 2026-11-30 09:00:02Z on hub.ingress.probation");
        foreach (var value in Planted)
        {
            printed.ShouldNotContain(value, Case.Insensitive);
        }
    }

    [Fact]
    public void When_the_router_refused_the_event_should_print_its_reason_code_and_reason()
    {
        var message = DeadLetterSamples.Message(
            "hub.ingress.probation_error",
            DeadLetterSamples.ReleaseBody(source: "police"),
            "Hub.Router.Ingress.IngressRejectedException",
            "forged-source: event claims source 'police' but arrived on the ingress queue of 'probation'");

        var letter = DeadLetterReader.Read(message);

        letter.ReasonCode.ShouldBe("forged-source");
        letter.Reason.ShouldBe("event claims source 'police' but arrived on the ingress queue of 'probation'");
        letter.Source.ShouldBe("police");
        DeadLetterSamples.Printed(letter).ShouldContain("forged-source: event claims source 'police'");
    }

    [Fact]
    public void When_the_router_refused_an_oversized_body_unread_should_print_its_reason_code_and_reason()
    {
        var message = DeadLetterSamples.Message(
            "hub.ingress.probation_error",
            DeadLetterSamples.ReleaseBody(),
            "Hub.Router.Ingress.OversizedEnvelopeException",
            "oversized: message is 300123 bytes; the limit is 262144");

        var letter = DeadLetterReader.Read(message);

        letter.ReasonCode.ShouldBe("oversized");
        letter.Reason.ShouldBe("message is 300123 bytes; the limit is 262144");
        letter.FaultMessageWithheld.ShouldBeFalse();
    }

    [Fact]
    public void When_a_delivery_fault_looks_like_a_router_refusal_should_still_withhold_it()
    {
        // Only the router writes ingress refusals; on a delivery queue the adapter (or anyone) wrote the text.
        var message = DeadLetterSamples.Message(
            "hub.delivery.police_error",
            DeadLetterSamples.DeliveryBody(),
            "Hub.Router.Ingress.IngressRejectedException",
            $"malformed: {DeadLetterSamples.Name} lives at {DeadLetterSamples.Address}");

        var letter = DeadLetterReader.Read(message);
        var printed = DeadLetterSamples.Printed(letter);

        letter.Kind.ShouldBe(DeadLetterKind.Delivery);
        letter.DeliveryId.ShouldBe(DeadLetterSamples.DeliveryId);
        letter.Recipient.ShouldBe("police");
        letter.ReasonCode.ShouldBeNull();
        printed.ShouldContain($"delivery {DeadLetterSamples.DeliveryId}");
        foreach (var value in Planted)
        {
            printed.ShouldNotContain(value, Case.Insensitive);
        }
    }

    [Fact]
    public void When_a_refusal_code_is_not_one_the_router_uses_should_withhold_the_text()
    {
        var message = DeadLetterSamples.Message("hub.ingress.nhs_error", DeadLetterSamples.ReleaseBody(), "Hub.Router.Ingress.IngressRejectedException", $"{DeadLetterSamples.Name}: {DeadLetterSamples.Address}");

        var printed = DeadLetterSamples.Printed(DeadLetterReader.Read(message));

        foreach (var value in Planted)
        {
            printed.ShouldNotContain(value, Case.Insensitive);
        }
    }

    [Fact]
    public void When_headers_and_body_fields_are_not_well_formed_should_drop_them()
    {
        var body = DeadLetterSamples.Envelope($"urn:message:{DeadLetterSamples.Name.Replace(' ', '_')} {DeadLetterSamples.Address}", new { deliveryId = "x" });
        var message = DeadLetterSamples.Message("hub.ingress.jcp_skipped", body, $"{DeadLetterSamples.Name} Exception", null) with { MessageId = DeadLetterSamples.Name };

        var letter = DeadLetterReader.Read(message);
        var printed = DeadLetterSamples.Printed(letter);

        letter.ExceptionType.ShouldBeNull();
        letter.MessageType.ShouldBe("(unrecognised)");
        letter.MessageId.ShouldBe(DeadLetterSamples.MessageId.ToString(), "the envelope's message id, the header's being no GUID");
        foreach (var value in Planted)
        {
            printed.ShouldNotContain(value, Case.Insensitive);
        }
    }

    [Fact]
    public void When_an_unknown_message_type_carries_an_identifier_should_not_show_it()
    {
        var body = DeadLetterSamples.Envelope("urn:message:Exfiltrate:JY123456C", new { what = DeadLetterSamples.Name });
        var message = DeadLetterSamples.Message("hub.ingress.probation_skipped", body, null, null, "unknown-type: message type (not quoted: not a type name) is not a shareable event type");

        var letter = DeadLetterReader.Read(message);

        letter.MessageType.ShouldBe("(unrecognised)");
        DeadLetterSamples.Printed(letter).ShouldNotContain("JY123456C");
    }

    [Fact]
    public void When_an_ingress_message_had_an_unknown_type_should_show_the_routers_skip_reason()
    {
        var body = DeadLetterSamples.Envelope("urn:message:Elsewhere:Exfiltrate", new { what = DeadLetterSamples.Name });
        var message = DeadLetterSamples.Message("hub.ingress.probation_skipped", body, null, null, "unknown-type: message type urn:message:Elsewhere:Exfiltrate is not a shareable event type");

        var letter = DeadLetterReader.Read(message);

        letter.ReasonCode.ShouldBe("unknown-type");
        letter.MessageType.ShouldBe("urn:message:Elsewhere:Exfiltrate");
        DeadLetterSamples.Printed(letter).ShouldNotContain(DeadLetterSamples.Name);
    }

    [Fact]
    public void When_the_body_is_not_json_should_print_size_and_hash_only()
    {
        var body = System.Text.Encoding.UTF8.GetBytes($"not json {DeadLetterSamples.Name}");
        var letter = DeadLetterReader.Read(DeadLetterSamples.Message("hub.ingress.probation_error", body, "Hub.Router.Ingress.UnreadableEnvelopeException", $"message body is not a readable hub envelope ({DeadLetterSamples.Name})"));

        var printed = DeadLetterSamples.Printed(letter);

        printed.ShouldContain($"{body.Length} bytes");
        printed.ShouldContain(letter.BodySha256);
        printed.ShouldNotContain(DeadLetterSamples.Name);
    }

    [Fact]
    public void When_payload_is_asked_for_should_print_the_message_itself()
    {
        using var output = new StringWriter();

        PayloadPrinter.Write(output, DeadLetterSamples.ReleaseBody());

        output.ToString().ShouldContain(DeadLetterSamples.Name, customMessage: "the explicit payload view is the one place the body is shown");
        output.ToString().ShouldContain("recorded in the disclosure ledger");
    }

    [Theory]
    [InlineData("hub.ingress.police_error", true)]
    [InlineData("hub.delivery.council_skipped", true)]
    [InlineData("hub.ingress.police", false)]
    [InlineData("hub.operations", false)]
    [InlineData("other.ingress.police_error", false)]
    public void When_a_queue_is_named_should_accept_only_hub_dead_letter_queues(string queue, bool accepted) =>
        DeadLetterQueues.TryParse(queue, out _, out _).ShouldBe(accepted);

    [Theory]
    [InlineData("30m", 30)]
    [InlineData("12h", 720)]
    [InlineData("7d", 10080)]
    public void When_an_age_is_given_should_read_it(string text, int minutes)
    {
        AgeParser.TryParse(text, out var age).ShouldBeTrue();
        age.ShouldBe(TimeSpan.FromMinutes(minutes));
    }

    [Theory]
    [InlineData("0d")]
    [InlineData("7")]
    [InlineData("7w")]
    [InlineData("-1h")]
    public void When_an_age_is_malformed_should_refuse_it(string text) => AgeParser.TryParse(text, out _).ShouldBeFalse();
}
