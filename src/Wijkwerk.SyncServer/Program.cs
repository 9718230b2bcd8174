using Wijkwerk.SyncServer.Cli;

return await ServerCommandLine.Build().Parse(args).InvokeAsync();
