import { Bone, PageSkeleton } from "@/components/gallery/skeleton";
import { JobsListSkeleton } from "./jobs-list-skeleton";

export default function JobsLoading() {
  return (
    <PageSkeleton title="Jobs" label="Loading the jobs…" className="max-w-6xl">
      <div className="flex flex-col gap-4">
        <div className="flex flex-col gap-3 lg:flex-row lg:items-end">
          <Bone className="h-10 w-72 max-w-full rounded-lg" />
          <Bone className="h-9 flex-1" />
        </div>
        <JobsListSkeleton />
      </div>
    </PageSkeleton>
  );
}
