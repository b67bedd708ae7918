"use client";

import { type ComponentProps, startTransition } from "react";

type Props = Omit<ComponentProps<"form">, "action" | "onSubmit"> & {
  /** A server action's dispatcher from `useActionState`. */
  action: (data: FormData) => void;
};

/**
 * A real POST form whose action is a server action: before JavaScript has loaded the browser
 * posts it and the page comes back with the action's answer; afterwards it is sent in place,
 * without React's reset of the fields after an action, so what was typed stays when it is
 * refused. Give it a new `key` to empty it after a success.
 */
export function InPlaceForm({ action, ...props }: Props) {
  return (
    <form
      {...props}
      action={action}
      onSubmit={(event) => {
        event.preventDefault();
        const data = new FormData(event.currentTarget);
        startTransition(() => action(data));
      }}
    />
  );
}
