import { Alert, Button } from 'antd';

/** A failed load, said in the page where it happened, with a way to try again. */
export function LoadProblem({ what, error, onRetry }: { what: string; error: Error; onRetry?: () => void }) {
  return (
    <Alert
      type="error"
      showIcon
      title={`${what}失败`}
      description={error.message}
      action={
        onRetry && (
          <Button size="small" onClick={onRetry}>
            重试
          </Button>
        )
      }
    />
  );
}
