import { Result, Tag } from 'antd';

export function ComingSoonPage({ title, description }: { title: string; description: string }) {
  return (
    <Result
      status="info"
      title={
        <>
          {title} <Tag color="blue">即将推出</Tag>
        </>
      }
      subTitle={description}
    />
  );
}
