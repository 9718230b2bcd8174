using Wijkwerk.SyncServer.Cli;

return await ServerCommandLine.InvokeAsync(args);
