// The Deluge extension: the language (id, grammar, configuration) is
// declared in package.json; this file starts `deluge lsp` and connects it
// to the editor. Everything the language understands comes from the server.

import * as vscode from "vscode";
import {
  LanguageClient,
  LanguageClientOptions,
  ServerOptions,
  TransportKind,
} from "vscode-languageclient/node";

let client: LanguageClient | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  context.subscriptions.push(
    vscode.commands.registerCommand("deluge.restartServer", () => restart()),
    vscode.workspace.onDidChangeConfiguration((event) => {
      if (event.affectsConfiguration("deluge.server")) {
        void restart();
      }
    }),
  );
  await start();
}

export async function deactivate(): Promise<void> {
  await stop();
}

// `deluge lsp` over standard input and output; the command comes from the
// `deluge.server.path` setting.
function serverOptions(): ServerOptions {
  const configured = vscode.workspace.getConfiguration("deluge").get<string>("server.path");
  const command = configured && configured.trim() !== "" ? configured.trim() : "deluge";
  const executable = { command, args: ["lsp"], transport: TransportKind.stdio };
  return { run: executable, debug: executable };
}

function clientOptions(): LanguageClientOptions {
  return {
    documentSelector: [
      { scheme: "file", language: "deluge" },
      { scheme: "untitled", language: "deluge" },
    ],
    outputChannelName: "Deluge",
  };
}

async function start(): Promise<void> {
  const next = new LanguageClient("deluge", "Deluge", serverOptions(), clientOptions());
  try {
    await next.start();
    client = next;
  } catch (error) {
    const command = vscode.workspace.getConfiguration("deluge").get<string>("server.path");
    void vscode.window.showErrorMessage(
      `Could not start the Deluge language server (\`${command ?? "deluge"} lsp\`): ${String(error)}. ` +
        "Install deluge or set `deluge.server.path` to the binary.",
    );
  }
}

async function stop(): Promise<void> {
  const running = client;
  client = undefined;
  if (running) {
    await running.stop();
  }
}

async function restart(): Promise<void> {
  await stop();
  await start();
}
