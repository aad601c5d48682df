using Hub.LoadHarness;

return await HarnessCommand.Create().Parse(args).InvokeAsync();
