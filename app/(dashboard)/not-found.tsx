import { NotFoundPanel } from "@/components/shell/not-found-panel";

export const metadata = { title: "Not found" };

export default function DashboardNotFound() {
  return <NotFoundPanel />;
}
