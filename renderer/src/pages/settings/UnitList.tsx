import { useState } from 'react';
import { App, Button, Table, Tag } from 'antd';
import { call, errorMessage } from '../../api.js';
import { useUnits } from '../../unit/UnitContext.js';

type Unit = ReturnType<typeof useUnits>['units'][number];

/** The units of the ledger file; one is current, any other can be made current. */
export function UnitList() {
  const { units, current, reload } = useUnits();
  const { message } = App.useApp();
  const [choosing, setChoosing] = useState<number>();

  const choose = async (unit: Unit) => {
    setChoosing(unit.id);
    try {
      await call('units.choose', { id: unit.id });
      void message.success(`当前填报单位已改为：${unit.name}`);
      reload();
    } catch (error) {
      void message.error(`无法选择“${unit.name}”：${errorMessage(error)}`);
    } finally {
      setChoosing(undefined);
    }
  };

  return (
    <Table<Unit>
      rowKey="id"
      size="small"
      pagination={false}
      dataSource={units}
      columns={[
        { key: 'seq', title: '序号', width: 64, align: 'center', render: (_, __, i) => i + 1 },
        { key: 'name', title: '单位名称', dataIndex: 'name' },
        {
          key: 'state',
          title: '状态',
          width: 220,
          render: (_, unit) =>
            unit.id === current?.id ? (
              <Tag color="green">当前</Tag>
            ) : (
              <Button size="small" loading={choosing === unit.id} onClick={() => void choose(unit)}>
                设为当前
              </Button>
            ),
        },
      ]}
    />
  );
}
