import * as vscode from 'vscode';

export interface Step {
  title: string;
  step: number;
  totalSteps: number;
}

/** One step of a multi-step input: a text box. Resolves to undefined when the user cancels. */
export function askText(
  step: Step,
  options: { value: string; prompt: string; placeholder?: string; validate: (value: string) => string | undefined },
): Promise<string | undefined> {
  return new Promise((resolve) => {
    const box = vscode.window.createInputBox();
    Object.assign(box, step, { value: options.value, prompt: options.prompt, placeholder: options.placeholder, ignoreFocusOut: true });
    box.validationMessage = options.validate(options.value);
    let done = false;
    box.onDidChangeValue((v) => (box.validationMessage = options.validate(v)));
    box.onDidAccept(() => {
      const error = options.validate(box.value);
      if (error) {
        box.validationMessage = error;
        return;
      }
      done = true;
      resolve(box.value.trim());
      box.hide();
    });
    box.onDidHide(() => {
      if (!done) resolve(undefined);
      box.dispose();
    });
    box.show();
  });
}

/**
 * One step of a multi-step input: a list the user can also type a new value into. Resolves to the chosen item, to
 * `{ typed }` for a new value, or to undefined when cancelled.
 */
export function askPickOrType<T extends vscode.QuickPickItem>(
  step: Step,
  options: { items: T[]; placeholder: string; /** An item whose label does not contain `typed` (see below). */ newItem: (typed: string) => T },
): Promise<T | undefined> {
  return new Promise((resolve) => {
    const pick = vscode.window.createQuickPick<T>();
    Object.assign(pick, step, { placeholder: options.placeholder, ignoreFocusOut: true, matchOnDescription: true });
    pick.items = options.items;
    let done = false;
    pick.onDidChangeValue((value) => {
      const typed = value.trim();
      const known = options.items.some((i) => i.label.toLowerCase() === typed.toLowerCase());
      // The new value's item is always shown but its label never matches what is typed: VS Code ranks items by how
      // their label matches, so an existing "Jie Yu" stays above (and selected over) a new "Jie".
      pick.items = typed && !known ? [...options.items, { ...options.newItem(typed), alwaysShow: true }] : options.items;
    });
    pick.onDidAccept(() => {
      const chosen = pick.selectedItems[0] ?? pick.activeItems[0];
      if (!chosen) return;
      done = true;
      resolve(chosen);
      pick.hide();
    });
    pick.onDidHide(() => {
      if (!done) resolve(undefined);
      pick.dispose();
    });
    pick.show();
  });
}
